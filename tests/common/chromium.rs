//! Headless Chromium for the HTML tests (`report --format html`, `build`).
//!
//! `.ci/run` installs Chromium. Where it is absent the tests that need it
//! print why and return; under CI (`CI=true`) an absent Chromium is a failure,
//! so a broken install can never pass as a skip.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Chromium binary, or `None` (after printing the reason) where absent.
pub fn find(test: &str) -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
        let ok = Command::new(name).arg("--version").output().is_ok_and(|o| o.status.success());
        if ok {
            return Some(PathBuf::from(name));
        }
    }
    if std::env::var_os("CI").is_some_and(|v| v == "true") {
        panic!("{test}: Chromium is not installed, but CI=true (.ci/run installs it)");
    }
    println!("skipped {test}: Chromium is not installed (`apt-get install -y chromium`)");
    None
}

fn headless(chromium: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(chromium);
    cmd.args(["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage"])
        .arg(format!("--user-data-dir={}", profile.display()))
        // No request may leave the machine: a page that tries fails to load it.
        .arg("--host-resolver-rules=MAP * ~NOTFOUND");
    cmd
}

fn file_url(page: &Path) -> String {
    let abs = std::fs::canonicalize(page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    format!("file://{}", abs.display())
}

/// The DOM of a page after Chromium has loaded it (`--dump-dom`).
pub fn dump_dom(chromium: &Path, page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = headless(chromium, profile.path()).arg("--dump-dom").arg(file_url(page)).output().unwrap();
    assert!(out.status.success(), "chromium --dump-dom failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A PNG screenshot of a page at the given window size.
pub fn screenshot(chromium: &Path, page: &Path, png: &Path, width: u32, height: u32) {
    let profile = tempfile::tempdir().unwrap();
    let out = headless(chromium, profile.path())
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("--window-size={width},{height}"))
        .arg(file_url(page))
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium --screenshot failed: {}", String::from_utf8_lossy(&out.stderr));
}
