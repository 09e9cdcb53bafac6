//! JSON pointers (RFC 6901): building, escaping and splitting.

/// Escapes one reference token: `~` becomes `~0` and `/` becomes `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Appends an escaped token to a pointer.
pub fn push(pointer: &str, token: &str) -> String {
    format!("{pointer}/{}", escape(token))
}

/// Appends an array index to a pointer.
pub fn push_index(pointer: &str, index: usize) -> String {
    format!("{pointer}/{index}")
}

/// Builds a pointer from unescaped tokens.
pub fn from_tokens<I, S>(tokens: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    tokens.into_iter().fold(String::new(), |acc, t| push(&acc, t.as_ref()))
}

/// Splits a pointer into unescaped tokens; `None` when it is not a valid pointer.
pub fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/').map(unescape).collect()
}

fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The pointer of the parent value (`""` for the root).
pub fn parent(pointer: &str) -> Option<&str> {
    pointer.rfind('/').map(|i| &pointer[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_slash_and_tilde() {
        let p = from_tokens(["a/b", "c~d", "0"]);
        assert_eq!(p, "/a~1b/c~0d/0");
        assert_eq!(tokens(&p).unwrap(), vec!["a/b", "c~d", "0"]);
    }

    #[test]
    fn tilde_one_zero_is_not_double_unescaped() {
        // "~01" is "~" followed by "1", never "/".
        assert_eq!(tokens("/~01").unwrap(), vec!["~1"]);
    }

    #[test]
    fn rejects_bad_escapes_and_missing_slash() {
        assert!(tokens("/~2").is_none());
        assert!(tokens("a").is_none());
        assert_eq!(tokens("").unwrap(), Vec::<String>::new());
        assert_eq!(tokens("/").unwrap(), vec![""]);
    }

    #[test]
    fn parent_of_pointer() {
        assert_eq!(parent("/a/b"), Some("/a"));
        assert_eq!(parent("/a"), Some(""));
        assert_eq!(parent(""), None);
    }
}
