//! Amounts in integer cents, parsed exactly from the number's text as written
//! (never through a float): `1234.5`, `-0.01`, `1e3`, `12.345` (rounded).

/// An amount of money in cents.
pub type Cents = i128;

/// More significant digits than this is not an amount (and could overflow).
const MAX_DIGITS: usize = 30;

/// Parses a JSON number's text into cents. A third decimal and beyond are
/// rounded half away from zero (`0.005` → 1 cent, `-0.005` → −1 cent).
/// `None` when the text is not a JSON number or is too large.
pub fn parse(text: &str) -> Option<Cents> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], exponent(&rest[i + 1..])?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits_ok(int) || !digits_ok(frac) || (mantissa.contains('.') && frac.is_empty()) {
        return None;
    }
    // All digits, and where the decimal point sits once cents are the unit.
    let digits: String = format!("{int}{frac}").trim_start_matches('0').to_string();
    let point = exponent + 2 - frac.len() as i64; // digits × 10^point cents
    if digits.is_empty() {
        return Some(0);
    }
    if digits.len() as i64 + point > MAX_DIGITS as i64 {
        return None;
    }
    let value: Cents = if point >= 0 {
        let base: Cents = digits.parse().ok()?;
        base.checked_mul(10i128.checked_pow(u32::try_from(point).ok()?)?)?
    } else {
        let cut = usize::try_from(-point).ok()?;
        if cut > digits.len() {
            // Every digit is below a tenth of a cent: rounds to zero.
            return Some(0);
        }
        let (keep, dropped) = digits.split_at(digits.len() - cut);
        let whole: Cents = if keep.is_empty() { 0 } else { keep.parse().ok()? };
        whole + Cents::from(dropped.as_bytes()[0] >= b'5')
    };
    Some(sign(value, negative))
}

/// A JSON exponent (`3`, `+3`, `-12`). One beyond what any text could need
/// is clamped: the amount is then zero (negative) or too large (positive).
fn exponent(text: &str) -> Option<i64> {
    const CLAMP: i64 = 1 << 40;
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits.parse::<i64>().map_or(CLAMP, |e| e.min(CLAMP));
    Some(if negative { -magnitude } else { magnitude })
}

fn sign(v: Cents, negative: bool) -> Cents {
    if negative { -v } else { v }
}

/// Cents as a decimal amount with two places: `-1234.05`.
pub fn format(c: Cents) -> String {
    let sign = if c < 0 { "-" } else { "" };
    let a = c.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly() {
        for (text, cents) in [
            ("0", 0),
            ("-0", 0),
            ("1", 100),
            ("1234.5", 123450),
            ("1234.56", 123456),
            ("-0.01", -1),
            ("0.1", 10),
            ("1e3", 100000),
            ("1.5E2", 15000),
            ("12345e-2", 12345),
            ("2.5e-1", 25),
            ("0.005", 1),
            ("0.0049", 0),
            ("-0.005", -1),
            ("12.345", 1235),
            ("12.344999", 1234),
            ("0.001", 0),
            ("5e-3", 1),
            ("4e-3", 0),
            ("5e-4", 0),
            ("0.30000000000000004", 30),
            ("12345678901234567890.12", 1234567890123456789012),
            ("1e-99999999999", 0),
            ("0e99999999999", 0),
            ("1e+2", 10000),
        ] {
            assert_eq!(parse(text), Some(cents), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_number_or_too_large() {
        for text in ["", "-", "abc", "1.", ".5", "1e", "0x10", "1e40", "1,5", "NaN", "1e99999999999", "1e+", "1e--2"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn formats_two_places() {
        assert_eq!(format(123456), "1234.56");
        assert_eq!(format(-5), "-0.05");
        assert_eq!(format(0), "0.00");
    }
}
