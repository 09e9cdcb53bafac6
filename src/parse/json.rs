//! A strict RFC 8259 JSON parser that keeps what `serde_json` throws away:
//! byte spans, duplicate keys (with both occurrences) and exact error offsets.
//!
//! `serde_json` cannot report duplicate keys or the span of a value, and the
//! JSONC parsers accept comments and trailing commas, so the parser is ours.
//! It builds a `serde_json::Value` directly (the model and the schema
//! validator take that), and `locate` re-runs it to find the span of one JSON
//! pointer only for the few values that carry a finding.

use super::Span;
use super::pointer;
use serde_json::{Map, Number, Value};
use std::str::FromStr;

/// Deepest nesting accepted; deeper input is a syntax error, never a stack overflow.
const MAX_DEPTH: usize = 128;

/// A parsed document.
#[derive(Debug)]
pub struct Parsed {
    pub value: Value,
    pub duplicates: Vec<DuplicateKey>,
}

/// A key that occurs twice in one object. The value keeps the last occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    pub key: String,
    /// Pointer of the object holding both keys.
    pub object: String,
    pub first: Span,
    pub second: Span,
}

/// Where parsing stopped, as a byte offset into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// Spans of the value at a pointer and, for object members, of its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub value: Span,
    pub key: Option<Span>,
}

/// Parses `text` from byte offset `start` (after a BOM, say).
pub fn parse(text: &str, start: usize) -> Result<Parsed, SyntaxError> {
    let mut p = Parser::new(text, start, None);
    let value = p.document()?;
    Ok(Parsed { value, duplicates: p.duplicates })
}

/// Finds the spans of the value at `pointer`; `None` when the text does not
/// parse or nothing is at that pointer. With duplicate keys the last wins, as
/// in the parsed value.
pub fn locate(text: &str, start: usize, pointer: &str) -> Option<Located> {
    let target = pointer::tokens(pointer)?;
    let mut p = Parser::new(text, start, Some(target));
    p.document().ok()?;
    p.found
}

/// A lightweight syntax tree of a document, for rewriting it without
/// touching a value: objects keep their members in source order (duplicates
/// included), scalars are their raw source text (a number keeps its spelling,
/// a string its quotes and escapes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax<'a> {
    Object(Vec<Member<'a>>),
    Array(Vec<Syntax<'a>>),
    /// A string, number, `true`, `false` or `null`, exactly as written.
    Scalar(&'a str),
}

/// One object member of a [`Syntax`] tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member<'a> {
    /// The decoded key.
    pub key: String,
    /// The key as written, quotes included.
    pub raw_key: &'a str,
    pub value: Syntax<'a>,
}

/// Parses `text` from byte offset `start` into a [`Syntax`] tree, with the
/// same strictness and error offsets as [`parse`] (which stays the fast path
/// for checking: it builds no tree).
pub fn syntax(text: &str, start: usize) -> Result<Syntax<'_>, SyntaxError> {
    let mut p = Parser::new(text, start, None);
    p.skip_ws();
    if p.peek().is_none() {
        return p.err(p.pos, "file is empty: expected a JSON value");
    }
    let tree = p.syntax_value()?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        let found = p.found_here();
        return p.err(p.pos, format!("unexpected {found} after the end of the JSON value"));
    }
    Ok(tree)
}

/// Maps a byte range of a decoded string value to the span of the raw text
/// that encodes it. `string` is the span of the string token, quotes included.
/// Escapes (`\n`, `\u00e9`, surrogate pairs) are walked, so positions stay exact.
pub fn string_subspan(text: &str, string: &Span, decoded: &Span) -> Option<Span> {
    let raw = text.get(string.start + 1..string.end.checked_sub(1)?)?;
    let base = string.start + 1;
    let (mut raw_i, mut dec_i) = (0usize, 0usize);
    let (mut start, mut end) = (None, None);
    let bytes = raw.as_bytes();
    loop {
        if start.is_none() && dec_i >= decoded.start {
            start = Some(base + raw_i);
        }
        if dec_i >= decoded.end {
            end = Some(base + raw_i);
            break;
        }
        if raw_i >= raw.len() {
            break;
        }
        let (raw_len, dec_len) = if bytes[raw_i] == b'\\' {
            match bytes.get(raw_i + 1) {
                Some(b'u') => {
                    let code = u32::from_str_radix(raw.get(raw_i + 2..raw_i + 6)?, 16).ok()?;
                    if (0xD800..0xDC00).contains(&code) {
                        (12, 4)
                    } else {
                        (6, char::from_u32(code).map_or(3, char::len_utf8))
                    }
                }
                Some(_) => (2, 1),
                None => return None,
            }
        } else {
            let c = raw[raw_i..].chars().next()?;
            (c.len_utf8(), c.len_utf8())
        };
        raw_i += raw_len;
        dec_i += dec_len;
    }
    Some(start?..end?)
}

#[derive(Debug, Clone)]
enum Seg {
    Key(Span),
    Index(usize),
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    path: Vec<Seg>,
    duplicates: Vec<DuplicateKey>,
    target: Option<Vec<String>>,
    found: Option<Located>,
}

type PResult<T> = Result<T, SyntaxError>;

impl<'a> Parser<'a> {
    fn new(text: &'a str, start: usize, target: Option<Vec<String>>) -> Self {
        Self { text, bytes: text.as_bytes(), pos: start, path: Vec::new(), duplicates: Vec::new(), target, found: None }
    }

    fn err<T>(&self, offset: usize, message: impl Into<String>) -> PResult<T> {
        Err(SyntaxError { offset, message: message.into() })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn found_here(&self) -> String {
        match self.text.get(self.pos..).and_then(|r| r.chars().next()) {
            None => "end of file".to_string(),
            Some(c) if c.is_control() => format!("`{}`", c.escape_default()),
            Some(c) => format!("`{c}`"),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn document(&mut self) -> PResult<Value> {
        self.skip_ws();
        if self.peek().is_none() {
            return self.err(self.pos, "file is empty: expected a JSON value");
        }
        let value = self.value()?;
        self.skip_ws();
        if self.pos < self.bytes.len() {
            let found = self.found_here();
            return self.err(self.pos, format!("unexpected {found} after the end of the JSON value"));
        }
        Ok(value)
    }

    fn value(&mut self) -> PResult<Value> {
        self.skip_ws();
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            None => return self.err(self.pos, "unexpected end of file: expected a value"),
            Some(_) => {
                let found = self.found_here();
                return self.err(self.pos, format!("expected a value, found {found}"));
            }
        };
        if self.target.is_some() && self.at_target() {
            let key = match self.path.last() {
                Some(Seg::Key(span)) => Some(span.clone()),
                _ => None,
            };
            self.found = Some(Located { value: start..self.pos, key });
        }
        Ok(value)
    }

    /// Whether the current path equals the target pointer. Only in `locate`.
    fn at_target(&self) -> bool {
        let Some(target) = &self.target else {
            return false;
        };
        target.len() == self.path.len()
            && self.path.iter().zip(target).all(|(seg, tok)| match seg {
                Seg::Index(i) => tok.parse::<usize>().ok() == Some(*i) && *tok == i.to_string(),
                Seg::Key(span) => self.decode_key(span).as_deref() == Some(tok.as_str()),
            })
    }

    fn decode_key(&self, span: &Span) -> Option<String> {
        let mut sub = Parser::new(self.text, span.start, None);
        sub.string().ok()
    }

    fn pointer(&self) -> String {
        self.path.iter().fold(String::new(), |acc, seg| match seg {
            Seg::Index(i) => pointer::push_index(&acc, *i),
            Seg::Key(span) => pointer::push(&acc, &self.decode_key(span).unwrap_or_default()),
        })
    }

    fn enter(&self, open: usize) -> PResult<()> {
        if self.path.len() >= MAX_DEPTH {
            return self.err(open, format!("nesting deeper than {MAX_DEPTH} levels"));
        }
        Ok(())
    }

    /// Walks an object's members: opening brace, keys, colons, commas and the
    /// closing brace are checked here; `member` parses each value (the key and
    /// its span given) so that both trees share one grammar.
    fn members(&mut self, mut member: impl FnMut(&mut Self, String, Span) -> PResult<()>) -> PResult<()> {
        let open = self.pos;
        self.enter(open)?;
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                let found = self.found_here();
                let msg = if self.peek() == Some(b'}') {
                    "trailing comma: expected another member after `,`".to_string()
                } else {
                    format!("expected a string key in double quotes, found {found}")
                };
                return self.err(self.pos, msg);
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = key_start..self.pos;
            self.skip_ws();
            if self.peek() != Some(b':') {
                let found = self.found_here();
                return self.err(self.pos, format!("expected `:` after the key, found {found}"));
            }
            self.pos += 1;
            self.path.push(Seg::Key(key_span.clone()));
            member(self, key, key_span)?;
            self.path.pop();
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => {
                    let found = self.found_here();
                    return self.err(self.pos, format!("expected `,` or `}}` after an object member, found {found}"));
                }
            }
        }
    }

    /// Walks an array's elements as `members` walks an object's.
    fn elements(&mut self, mut element: impl FnMut(&mut Self) -> PResult<()>) -> PResult<()> {
        let open = self.pos;
        self.enter(open)?;
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        let mut index = 0;
        loop {
            self.skip_ws();
            if self.peek() == Some(b']') {
                return self.err(self.pos, "trailing comma: expected another element after `,`");
            }
            self.path.push(Seg::Index(index));
            element(self)?;
            self.path.pop();
            index += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => {
                    let found = self.found_here();
                    return self.err(self.pos, format!("expected `,` or `]` after an array element, found {found}"));
                }
            }
        }
    }

    fn object(&mut self) -> PResult<Value> {
        let mut map = Map::new();
        let mut key_spans: Vec<Span> = Vec::new();
        self.members(|p, key, key_span| {
            let value = p.value()?;
            if map.contains_key(&key) {
                let first = key_spans
                    .iter()
                    .find(|s| p.decode_key(s).as_deref() == Some(key.as_str()))
                    .cloned()
                    .unwrap_or_else(|| key_span.clone());
                // The pointer of the object: the path without this member.
                let member = p.path.pop();
                let object = p.pointer();
                p.path.extend(member);
                p.duplicates.push(DuplicateKey { key: key.clone(), object, first, second: key_span.clone() });
            }
            key_spans.push(key_span);
            map.insert(key, value);
            Ok(())
        })?;
        Ok(Value::Object(map))
    }

    fn array(&mut self) -> PResult<Value> {
        let mut items = Vec::new();
        self.elements(|p| {
            items.push(p.value()?);
            Ok(())
        })?;
        Ok(Value::Array(items))
    }

    fn syntax_value(&mut self) -> PResult<Syntax<'a>> {
        self.skip_ws();
        let start = self.pos;
        match self.peek() {
            Some(b'{') => {
                let mut members = Vec::new();
                self.members(|p, key, key_span| {
                    let value = p.syntax_value()?;
                    members.push(Member { key, raw_key: &p.text[key_span], value });
                    Ok(())
                })?;
                Ok(Syntax::Object(members))
            }
            Some(b'[') => {
                let mut items = Vec::new();
                self.elements(|p| {
                    items.push(p.syntax_value()?);
                    Ok(())
                })?;
                Ok(Syntax::Array(items))
            }
            _ => {
                // Scalars go through the checking path; only their text is kept.
                self.value()?;
                Ok(Syntax::Scalar(&self.text[start..self.pos]))
            }
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> PResult<Value> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            let found = self.found_here();
            self.err(self.pos, format!("expected a value, found {found} (did you mean `{word}`?)"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> PResult<Value> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return self.err(self.pos - 1, "numbers cannot have leading zeros");
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => {
                let found = self.found_here();
                return self.err(self.pos, format!("expected a digit, found {found}"));
            }
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                let found = self.found_here();
                return self.err(self.pos, format!("expected a digit after the decimal point, found {found}"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                let found = self.found_here();
                return self.err(self.pos, format!("expected a digit in the exponent, found {found}"));
            }
        }
        let raw = &self.text[start..self.pos];
        match Number::from_str(raw) {
            Ok(n) => Ok(Value::Number(n)),
            Err(_) => self.err(start, format!("number `{raw}` is out of range")),
        }
    }

    fn hex4(&mut self) -> PResult<u32> {
        let at = self.pos;
        let digits = self.text.get(self.pos..self.pos + 4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => self.err(at, "expected four hex digits after `\\u`"),
        }
    }

    fn string(&mut self) -> PResult<String> {
        let open = self.pos;
        self.pos += 1;
        // Fast path: most strings have no escape; copy them in one allocation.
        let start = self.pos;
        let plain = self.bytes[start..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        if let Some(len) = plain
            && self.bytes[start + len] == b'"'
        {
            self.pos = start + len + 1;
            return Ok(self.text[start..start + len].to_string());
        }
        let mut out = String::new();
        loop {
            let run = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run..self.pos]);
            match self.peek() {
                None => return self.err(open, "unterminated string: no closing `\"`"),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(b) => {
                    return self.err(self.pos, format!("control character U+{b:04X} must be escaped inside a string"));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> PResult<()> {
        let at = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let hi = self.hex4()?;
                let code = match hi {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.pos..].starts_with(b"\\u") {
                            return self.err(at, "lone surrogate: `\\u` high surrogate without a low one");
                        }
                        self.pos += 2;
                        let lo = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&lo) {
                            return self.err(at, "lone surrogate: `\\u` high surrogate without a low one");
                        }
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    0xDC00..=0xDFFF => {
                        return self.err(at, "lone surrogate: `\\u` low surrogate without a high one");
                    }
                    v => v,
                };
                // Every code point outside the surrogate range is a valid char.
                out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                return Ok(());
            }
            _ => {
                self.pos = at;
                return self.err(
                    at,
                    "invalid escape: expected one of `\\\"` `\\\\` `\\/` `\\b` `\\f` `\\n` `\\r` `\\t` `\\uXXXX`",
                );
            }
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn err(text: &str) -> SyntaxError {
        parse(text, 0).unwrap_err()
    }

    #[test]
    fn parses_like_serde_json() {
        let t = r#"{"a": [1, -2.5e3, true, false, null, "x\u00e9\ud83d\ude00\n"], "b": {}}"#;
        assert_eq!(parse(t, 0).unwrap().value, serde_json::from_str::<Value>(t).unwrap());
    }

    #[test]
    fn duplicate_keys_at_any_depth_name_both_spans() {
        let t = r#"{"a": 1, "l": [{"k": 1, "k": 2}], "a": 3}"#;
        let p = parse(t, 0).unwrap();
        assert_eq!(p.duplicates.len(), 2);
        let nested = &p.duplicates[0];
        assert_eq!(nested.object, "/l/0");
        assert_eq!(&t[nested.first.clone()], "\"k\"");
        assert_eq!(nested.second.start, t.rfind("\"k\"").unwrap());
        let top = &p.duplicates[1];
        assert_eq!(top.object, "");
        assert_eq!(top.first.start, 1);
        assert_eq!(p.value["a"], json!(3));
    }

    #[test]
    fn duplicate_keys_spelled_with_escapes_are_duplicates() {
        let p = parse(r#"{"a": 1, "\u0061": 2}"#, 0).unwrap();
        assert_eq!(p.duplicates.len(), 1);
    }

    #[test]
    fn rejects_what_strict_json_rejects() {
        for bad in [
            "",
            "  ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "1e",
            "-",
            "+1",
            "'a'",
            "{a:1}",
            "tru",
            "nul",
            "\"a\nb\"",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "[1 2]",
            "{} {}",
            "/* c */ {}",
            "NaN",
            "1e999",
        ] {
            assert!(parse(bad, 0).is_err(), "{bad:?} should be rejected");
            assert!(serde_json::from_str::<Value>(bad).is_err(), "{bad:?} serde agrees");
        }
    }

    #[test]
    fn error_offsets_point_at_the_problem() {
        assert_eq!(err(r#"{"a": 1 "b": 2}"#).offset, 8);
        assert_eq!(err("[1,]").offset, 3);
        assert_eq!(err("{\"a\": x}").offset, 6);
        assert_eq!(err("{\"a\": \"unterminated").offset, 6);
        assert!(err("").message.contains("empty"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let t = "[".repeat(100_000);
        assert!(err(&t).message.contains("nesting"));
    }

    #[test]
    fn locate_finds_values_keys_and_escaped_tokens() {
        let t = r#"{"a/b": {"c~d": [10, {"e": "x"}]}, "e": 1}"#;
        let l = locate(t, 0, "/a~1b/c~0d/1/e").unwrap();
        assert_eq!(&t[l.value.clone()], "\"x\"");
        assert_eq!(&t[l.key.unwrap()], "\"e\"");
        let top = locate(t, 0, "/e").unwrap();
        assert_eq!(&t[top.value], "1");
        assert_eq!(&t[locate(t, 0, "/a~1b/c~0d/0").unwrap().value], "10");
        assert_eq!(locate(t, 0, "").unwrap().value, 0..t.len());
        assert!(locate(t, 0, "/nope").is_none());
        assert!(locate(t, 0, "/a~1b/c~0d/01").is_none());
    }

    #[test]
    fn string_subspan_walks_escapes() {
        let t = r#""a\n\u00e9 `sales.arr` x""#;
        let decoded: String = serde_json::from_str(t).unwrap();
        let at = decoded.find("sales.arr").unwrap();
        let span = string_subspan(t, &(0..t.len()), &(at..at + 9)).unwrap();
        assert_eq!(&t[span], "sales.arr");
        let plain = r#""héllo world""#;
        let span = string_subspan(plain, &(0..plain.len()), &(7..12)).unwrap();
        assert_eq!(&plain[span], "world");
    }

    #[test]
    fn locate_takes_the_last_duplicate() {
        let t = r#"{"k": 1, "k": 2}"#;
        assert_eq!(&t[locate(t, 0, "/k").unwrap().value], "2");
    }

    #[test]
    fn syntax_keeps_raw_scalars_members_and_errors() {
        let t = r#"{"a": [1.0, 1e3, 12345678901234567890123, "\u00e9\/", true, null], "\u0062": {}, "a": []}"#;
        let Syntax::Object(members) = syntax(t, 0).unwrap() else { panic!("an object") };
        assert_eq!(members.iter().map(|m| m.key.as_str()).collect::<Vec<_>>(), ["a", "b", "a"]);
        assert_eq!(members[1].raw_key, r#""\u0062""#);
        let Syntax::Array(items) = &members[0].value else { panic!("an array") };
        let raw: Vec<&str> = items
            .iter()
            .map(|i| match i {
                Syntax::Scalar(s) => *s,
                _ => panic!("a scalar"),
            })
            .collect();
        assert_eq!(raw, ["1.0", "1e3", "12345678901234567890123", r#""\u00e9\/""#, "true", "null"]);
        for bad in ["", "{", "[1,]", "{\"a\":1,}", "01", "[1 2]", "{} {}", "\"\\ud800\"", "1e999"] {
            assert_eq!(syntax(bad, 0).unwrap_err(), parse(bad, 0).unwrap_err(), "{bad:?}");
        }
        assert!(syntax(&"[".repeat(1000), 0).unwrap_err().message.contains("nesting"));
        assert_eq!(syntax("\u{feff} 7 ", 3).unwrap(), Syntax::Scalar("7"));
    }

    #[test]
    fn parse_after_bom_offset() {
        let t = "\u{feff}{\"a\": 1}";
        assert_eq!(parse(t, 3).unwrap().value, json!({"a": 1}));
    }
}
