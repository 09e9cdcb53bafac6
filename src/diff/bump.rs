//! Semantic-version bumps: what a change requires and what a version step declares.

use semver::Version;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A release level, ordered `None < Patch < Minor < Major`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    None,
    Patch,
    Minor,
    Major,
}

impl Bump {
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }

    /// The next version after `v` at this level. Below 1.0.0 (Cargo's rule) a
    /// breaking change bumps the minor number and an addition the patch number.
    pub fn apply(self, v: &Version) -> Version {
        let base = Version::new(v.major, v.minor, v.patch);
        if !v.pre.is_empty() {
            // A pre-release is on its way to its release: that release is next.
            return base;
        }
        let level = if v.major == 0 {
            match self {
                Bump::Major if v.minor == 0 => Bump::Patch,
                Bump::Major => Bump::Minor,
                Bump::Minor => Bump::Patch,
                other => other,
            }
        } else {
            self
        };
        match level {
            Bump::None => v.clone(),
            Bump::Patch => Version::new(v.major, v.minor, v.patch + 1),
            Bump::Minor => Version::new(v.major, v.minor + 1, 0),
            Bump::Major => Version::new(v.major + 1, 0, 0),
        }
    }
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What going from `base` to `head` declares; `None` when the version went down.
///
/// Below 1.0.0, as Cargo reads it, `0.x` → `0.(x+1)` is breaking (major) and
/// `0.x.y` → `0.x.(y+1)` adds (minor); in `0.0.z` every step is major. A
/// pre-release base (`1.1.0-rc.1`) counts from the release before it, so going
/// on to `1.1.0` declares the minor bump the release candidate was for.
pub fn declared(base: &Version, head: &Version) -> Option<Bump> {
    // Build metadata (`+build.5`) never makes a release (semver §10).
    let without_build = |v: &Version| Version { build: semver::BuildMetadata::EMPTY, ..v.clone() };
    let (base, head) = (&without_build(base), &without_build(head));
    if head < base {
        return None;
    }
    if head == base {
        return Some(Bump::None);
    }
    let from_pre = !base.pre.is_empty();
    let (bm, bn, bp) = (base.major, base.minor, base.patch);
    let (hm, hn, hp) = (head.major, head.minor, head.patch);
    let level = if (hm, hn, hp) == (bm, bn, bp) {
        // Same release triple: pre-release progression (rc.1 → rc.2 or → release).
        // (Without a pre-release, only build metadata differs: no release.)
        if from_pre { level_of_release(base) } else { Bump::None }
    } else if hm != bm {
        Bump::Major
    } else if hn != bn {
        Bump::Minor
    } else {
        Bump::Patch
    };
    Some(if base.major == 0 && hm == 0 {
        match level {
            Bump::Minor => Bump::Major,
            Bump::Patch if bn == 0 => Bump::Major,
            Bump::Patch => Bump::Minor,
            other => other,
        }
    } else {
        level
    })
}

/// The level of the release a pre-release leads to (`1.1.0-rc.1` → minor).
fn level_of_release(v: &Version) -> Bump {
    if v.patch > 0 {
        Bump::Patch
    } else if v.minor > 0 {
        Bump::Minor
    } else {
        Bump::Major
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> Option<Bump> {
        declared(&Version::parse(a).unwrap(), &Version::parse(b).unwrap())
    }

    #[test]
    fn declared_bumps_after_1_0() {
        assert_eq!(d("1.4.0", "1.4.0"), Some(Bump::None));
        assert_eq!(d("1.4.0", "1.4.1"), Some(Bump::Patch));
        assert_eq!(d("1.4.3", "1.5.0"), Some(Bump::Minor));
        assert_eq!(d("1.4.3", "2.0.0"), Some(Bump::Major));
        assert_eq!(d("1.4.3", "1.4.2"), None);
        assert_eq!(d("2.0.0", "1.9.9"), None);
    }

    #[test]
    fn below_1_0_follows_cargo() {
        assert_eq!(d("0.3.1", "0.4.0"), Some(Bump::Major));
        assert_eq!(d("0.3.1", "0.3.2"), Some(Bump::Minor));
        assert_eq!(d("0.0.3", "0.0.4"), Some(Bump::Major));
        assert_eq!(d("0.9.0", "1.0.0"), Some(Bump::Major));
    }

    #[test]
    fn pre_releases_count_from_the_release_they_lead_to() {
        assert_eq!(d("1.0.0", "1.1.0-rc.1"), Some(Bump::Minor));
        assert_eq!(d("1.1.0-rc.1", "1.1.0-rc.2"), Some(Bump::Minor));
        assert_eq!(d("1.1.0-rc.1", "1.1.0"), Some(Bump::Minor));
        assert_eq!(d("2.0.0-beta.1", "2.0.0"), Some(Bump::Major));
        assert_eq!(d("1.1.0", "1.1.0-rc.1"), None);
        assert_eq!(d("1.0.0-rc.1", "1.0.0-rc.1+b"), Some(Bump::None));
        assert_eq!(d("1.0.0", "1.0.0+build1"), Some(Bump::None));
    }

    #[test]
    fn apply_gives_the_next_version() {
        let v = |s: &str| Version::parse(s).unwrap();
        assert_eq!(Bump::Patch.apply(&v("1.4.3")), v("1.4.4"));
        assert_eq!(Bump::Minor.apply(&v("1.4.3")), v("1.5.0"));
        assert_eq!(Bump::Major.apply(&v("1.4.3")), v("2.0.0"));
        assert_eq!(Bump::None.apply(&v("1.4.3")), v("1.4.3"));
        assert_eq!(Bump::Major.apply(&v("0.3.1")), v("0.4.0"));
        assert_eq!(Bump::Minor.apply(&v("0.3.1")), v("0.3.2"));
        assert_eq!(Bump::Minor.apply(&v("1.1.0-rc.1")), v("1.1.0"));
    }

    #[test]
    fn apply_declares_what_it_applied() {
        for base in ["1.4.3", "0.3.1", "2.0.0"] {
            let b = Version::parse(base).unwrap();
            for bump in [Bump::Patch, Bump::Minor, Bump::Major] {
                let got = declared(&b, &bump.apply(&b)).unwrap();
                assert!(got >= bump, "{base} {bump}: declared {got}");
            }
        }
    }
}
