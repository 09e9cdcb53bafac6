//! Byte offset → 1-based line and column (columns counted in characters).

/// Line starts of one text, built once per rendered file.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A 1-based position; `column` counts Unicode scalar values, `utf16_column` UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Lines end at LF, CRLF, or a lone CR (as editors show old Mac files).
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Self { starts }
    }

    /// Position of a byte offset. Offsets past the end clamp to the end; an
    /// offset inside a multi-byte character counts that character as before it.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = text
            .get(start..)
            .map(|rest| rest.char_indices().take_while(|(i, _)| start + i < offset).count())
            .unwrap_or(0);
        // A byte order mark is invisible in editors: it is not a column.
        let bom = usize::from(start == 0 && offset >= 3 && text.starts_with('\u{feff}'));
        Position { line: line + 1, column: column + 1 - bom }
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(text: &str, offset: usize) -> (usize, usize) {
        let p = LineIndex::new(text).position(text, offset);
        (p.line, p.column)
    }

    #[test]
    fn first_char_is_line_one_column_one() {
        assert_eq!(pos("abc", 0), (1, 1));
        assert_eq!(pos("abc", 2), (1, 3));
    }

    #[test]
    fn crlf_lines_do_not_shift_columns() {
        let t = "{\r\n  \"a\": 1,\r\n  \"b\": x\r\n}";
        let off = t.find('x').unwrap();
        assert_eq!(pos(t, off), (3, 8));
    }

    #[test]
    fn lone_cr_ends_a_line() {
        let t = "{\r  \"a\": 1,\r  x\r}";
        let off = t.find('x').unwrap();
        assert_eq!(pos(t, off), (3, 3));
    }

    #[test]
    fn multibyte_characters_count_once() {
        let t = "\"é€😀\" x";
        let off = t.find('x').unwrap();
        assert_eq!(pos(t, off), (1, 7));
    }

    #[test]
    fn bom_is_not_a_column() {
        let t = "\u{feff}{x";
        assert_eq!(pos(t, 0), (1, 1));
        assert_eq!(pos(t, 3), (1, 1));
        assert_eq!(pos(t, 4), (1, 2));
    }

    #[test]
    fn end_of_text_is_after_last_char() {
        assert_eq!(pos("ab\n", 3), (2, 1));
        assert_eq!(pos("ab", 99), (1, 3));
    }
}
