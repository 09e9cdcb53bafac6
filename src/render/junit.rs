//! `--format junit`: JUnit XML. One `<testsuite name="ontolint">`, one
//! `<testcase>` per checked file, one `<failure type="CODE">` per finding at
//! or above the failing severity (`--fail-on`); findings below it do not fail
//! the testcase and are listed in its `<system-out>`. `failures` counts
//! failing testcases. XML escaping is quick-xml's.

use super::{Positions, Sources};
use crate::findings::{Finding, Severity};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Characters XML 1.0 cannot carry at all (escaped or not) written as `\u{…}`.
fn xml_safe(s: &str) -> Cow<'_, str> {
    let bad = |c: char| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}');
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if bad(c) { c.escape_unicode().to_string() } else { c.to_string() }).collect())
}

/// The report: the testcases are the checked files — the head's, or `only`
/// when `check PATHS` narrowed the report — in path order, plus any other file
/// a finding points at (a file removed since the base of `diff`).
pub fn junit(sources: Sources<'_>, findings: &[Finding], only: Option<&[String]>, fail_at: Option<Severity>) -> String {
    let fails = |f: &Finding| fail_at.is_some_and(|at| f.severity >= at);
    let pos = Positions::new(sources, findings);
    let mut cases: BTreeMap<&str, Vec<&Finding>> = match only {
        Some(files) => files.iter().map(|f| (f.as_str(), Vec::new())).collect(),
        None => sources.head.files.iter().map(|f| (f.path.as_str(), Vec::new())).collect(),
    };
    for f in findings {
        cases.entry(f.location.file.as_str()).or_default().push(f);
    }
    let tests = cases.len().to_string();
    let failures = cases.values().filter(|hits| hits.iter().any(|f| fails(f))).count().to_string();
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let written: std::io::Result<()> = (|| {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("testsuites")
            .with_attributes([("name", "ontolint"), ("tests", tests.as_str()), ("failures", failures.as_str())])
            .write_inner_content(|w| {
                w.create_element("testsuite")
                    .with_attributes([
                        ("name", "ontolint"),
                        ("tests", tests.as_str()),
                        ("failures", failures.as_str()),
                        ("errors", "0"),
                        ("skipped", "0"),
                    ])
                    .write_inner_content(|w| {
                        for (path, hits) in &cases {
                            let path = xml_safe(path);
                            let case = w
                                .create_element("testcase")
                                .with_attributes([("name", path.as_ref()), ("classname", "ontolint")]);
                            if hits.is_empty() {
                                case.write_empty()?;
                                continue;
                            }
                            let line = |f: &Finding| {
                                let (start, _) = pos.range(&f.location);
                                format!(
                                    "{}:{}:{}: {}[{}] {}",
                                    super::display_path(&f.location),
                                    start.line,
                                    start.column,
                                    f.severity,
                                    f.rule.code,
                                    super::sarif::message_with_rev(f)
                                )
                            };
                            case.write_inner_content(|w| {
                                for f in hits.iter().filter(|f| fails(f)) {
                                    let message = super::sarif::message_with_rev(f);
                                    let text = line(f);
                                    w.create_element("failure")
                                        .with_attributes([
                                            ("message", xml_safe(&message).as_ref()),
                                            ("type", f.rule.code),
                                        ])
                                        .write_text_content(BytesText::new(&xml_safe(&text)))?;
                                }
                                let passing: Vec<String> = hits.iter().filter(|f| !fails(f)).map(|f| line(f)).collect();
                                if !passing.is_empty() {
                                    w.create_element("system-out")
                                        .write_text_content(BytesText::new(&xml_safe(&passing.join("\n"))))?;
                                }
                                Ok(())
                            })?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })();
    written.expect("writing to memory cannot fail");
    let mut out = String::from_utf8(w.into_inner()).expect("the writer writes UTF-8 from UTF-8");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_escapes() {
        assert_eq!(xml_safe("a\u{1b}b\nc"), "a\\u{1b}b\nc");
    }
}
