//! The walk behind `ontolint history`.

use super::{Entry, Event, Timeline};
use crate::diff::{Bump, ChangeKind, compare, required};
use crate::error::{Error, Result};
use crate::model::{Catalog, FileKind};
use crate::source::Source;
use crate::source::git::{GitRepo, short_id};
use git2::{ObjectType, Oid, Sort, Tree};
use std::collections::{BTreeMap, HashMap};

/// How to walk.
pub struct Options<'a> {
    /// Every commit reachable from HEAD instead of the first-parent chain.
    pub all: bool,
    /// The bump each change kind requires (ontolint.toml's policy).
    pub bump_of: &'a dyn Fn(ChangeKind) -> Bump,
}

/// Where the KPI is in one commit: its file and blob.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    path: String,
    blob: Oid,
}

fn git_err(e: git2::Error, what: &str) -> Error {
    Error::git(format!("{what}: {}", e.message()), None)
}

/// The KPI's timeline, oldest first. `progress(done, total)` is called as the
/// walk advances.
pub fn timeline(
    repo: &GitRepo,
    id: &str,
    opts: &Options<'_>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Timeline> {
    if repo.is_shallow() {
        return Err(Error::git(
            "the repository is a shallow clone: the KPI's history before the first fetched commit is missing",
            Some("fetch the whole history: `git fetch --unshallow` (in CI: `fetch-depth: 0` with actions/checkout, `GIT_DEPTH: 0` in GitLab CI)".into()),
        ));
    }
    let head = repo.head()?;
    let r = repo.repo();
    let mut walk = r.revwalk().map_err(|e| git_err(e, "cannot walk the history"))?;
    walk.push(head).map_err(|e| git_err(e, "cannot walk the history"))?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE).map_err(|e| git_err(e, "cannot walk the history"))?;
    if !opts.all {
        walk.simplify_first_parent().map_err(|e| git_err(e, "cannot walk the history"))?;
    }
    let oids: Vec<Oid> =
        walk.collect::<std::result::Result<_, _>>().map_err(|e| git_err(e, "cannot walk the history"))?;
    let mut w = Walker { repo, id, ids: HashMap::new(), versions: HashMap::new() };
    // Per commit: the ontology subtree and where the KPI is.
    let mut seen: HashMap<Oid, (Option<Oid>, Option<Place>)> = HashMap::with_capacity(oids.len());
    let mut entries = Vec::new();
    for (n, &oid) in oids.iter().enumerate() {
        progress(n, oids.len());
        let commit = r.find_commit(oid).map_err(|e| git_err(e, "cannot read a commit"))?;
        let tree = repo.ontology_tree(&commit);
        let parents: Vec<Oid> =
            if opts.all { commit.parent_ids().collect() } else { commit.parent_ids().take(1).collect() };
        let first = parents.first().and_then(|p| seen.get(p)).cloned();
        let (parent_tree, parent_place) = first.unwrap_or((None, None));
        let place = if tree.as_ref().map(Tree::id) == parent_tree {
            parent_place.clone()
        } else {
            let old = match parent_tree {
                Some(t) => Some(r.find_tree(t).map_err(|e| git_err(e, "cannot read a tree"))?),
                None => None,
            };
            w.locate(old.as_ref(), tree.as_ref(), parent_place.as_ref())?
        };
        // A merge that takes the KPI from one of its parents did not change it.
        let unchanged = |p: &Oid| seen.get(p).is_some_and(|(_, pp)| *pp == place);
        let changed = if parents.is_empty() { place.is_some() } else { !parents.iter().any(unchanged) };
        if changed {
            entries.push(w.entry(&commit, tree.as_ref(), parent_tree, parent_place.as_ref(), place.as_ref(), opts)?);
        }
        seen.insert(oid, (tree.as_ref().map(Tree::id), place));
    }
    progress(oids.len(), oids.len());
    Ok(Timeline {
        kpi: id.to_string(),
        walk: if opts.all { "all" } else { "first-parent" },
        commits: oids.len(),
        entries,
    })
}

struct Walker<'r> {
    repo: &'r GitRepo,
    id: &'r str,
    /// Blob → its rogueId (`None`: not an object with a string rogueId).
    ids: HashMap<Oid, Option<String>>,
    /// catalog.json blob → its version.
    versions: HashMap<Oid, Option<String>>,
}

impl Walker<'_> {
    fn blob(&self, oid: Oid) -> Result<Vec<u8>> {
        let blob = self.repo.repo().find_blob(oid).map_err(|e| git_err(e, "cannot read a file"))?;
        Ok(blob.content().to_vec())
    }

    /// Whether the KPI file at `path` with this blob is the KPI we follow:
    /// its rogueId, else (when it has none) the id its path implies, as `diff` matches.
    fn holds(&mut self, path: &str, blob: Oid) -> Result<bool> {
        let FileKind::Kpi { domain, slug, .. } = crate::model::classify(path) else { return Ok(false) };
        if !self.ids.contains_key(&blob) {
            let bytes = self.blob(blob)?;
            // Most changed files are other KPIs: a file that holds the id
            // nowhere (and no `\u` escape that could spell it) is not it.
            let implied = format!("{domain}.{slug}") == self.id;
            if !implied && !contains(&bytes, self.id.as_bytes()) && !contains(&bytes, b"\\u") {
                return Ok(false);
            }
            let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
            let id = serde_json::from_slice::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v.get("rogueId").and_then(|v| v.as_str()).map(str::to_string));
            self.ids.insert(blob, id);
        }
        Ok(match &self.ids[&blob] {
            Some(found) => found == self.id,
            None => format!("{domain}.{slug}") == self.id,
        })
    }

    /// Where the KPI is in `new`, given where it was in `old`.
    fn locate(
        &mut self,
        old: Option<&Tree<'_>>,
        new: Option<&Tree<'_>>,
        before: Option<&Place>,
    ) -> Result<Option<Place>> {
        let mut changed = Vec::new();
        self.changed_blobs(old, new, self.repo.ontology_dir(), &mut changed)?;
        let mut kept = before.cloned();
        let mut found: Vec<Place> = Vec::new();
        for (path, was, now) in changed {
            if was.is_some() && kept.as_ref().is_some_and(|b| b.path == path) {
                kept = None;
            }
            let Some(blob) = now else { continue };
            if path.ends_with(".json") && self.holds(&path, blob)? {
                found.push(Place { path, blob });
            }
        }
        if kept.is_some() {
            return Ok(kept);
        }
        // The same file still holding it wins over another one (a duplicate).
        let same = before.and_then(|b| found.iter().position(|p| p.path == b.path));
        Ok(match same {
            Some(i) => Some(found.swap_remove(i)),
            None => found.into_iter().next(),
        })
    }

    /// The blobs that differ between two trees: `(path, old blob, new blob)`.
    /// Entries with the same object id are skipped without being read, so
    /// only the folders on the path to a change are opened.
    fn changed_blobs(
        &self,
        old: Option<&Tree<'_>>,
        new: Option<&Tree<'_>>,
        dir: &str,
        out: &mut Vec<(String, Option<Oid>, Option<Oid>)>,
    ) -> Result<()> {
        type Entries = BTreeMap<Vec<u8>, (Oid, Option<ObjectType>)>;
        let entries = |t: Option<&Tree<'_>>| -> Entries {
            t.map(|t| t.iter().map(|e| (e.name_bytes().to_vec(), (e.id(), e.kind()))).collect()).unwrap_or_default()
        };
        let (a, b) = (entries(old), entries(new));
        let names: std::collections::BTreeSet<&Vec<u8>> = a.keys().chain(b.keys()).collect();
        for name in names {
            let (x, y) = (a.get(name), b.get(name));
            if x.map(|e| e.0) == y.map(|e| e.0) {
                continue;
            }
            let text = String::from_utf8_lossy(name);
            if text.starts_with('.') {
                continue;
            }
            let path = format!("{dir}/{text}");
            let tree = |e: Option<&(Oid, Option<ObjectType>)>| -> Result<Option<Tree<'_>>> {
                match e {
                    Some((id, Some(ObjectType::Tree))) => {
                        self.repo.repo().find_tree(*id).map(Some).map_err(|e| git_err(e, "cannot read a tree"))
                    }
                    _ => Ok(None),
                }
            };
            let blob = |e: Option<&(Oid, Option<ObjectType>)>| match e {
                Some((id, Some(ObjectType::Blob))) => Some(*id),
                _ => None,
            };
            let (tx, ty) = (tree(x)?, tree(y)?);
            if tx.is_some() || ty.is_some() {
                self.changed_blobs(tx.as_ref(), ty.as_ref(), &path, out)?;
            }
            let (bx, by) = (blob(x), blob(y));
            if bx.is_some() || by.is_some() {
                out.push((path, bx, by));
            }
        }
        Ok(())
    }

    fn version(&mut self, tree: Option<&Tree<'_>>) -> Result<Option<String>> {
        let Some(entry) = tree.and_then(|t| t.get_name("catalog.json")) else { return Ok(None) };
        let blob = entry.id();
        if !self.versions.contains_key(&blob) {
            let bytes = self.blob(blob)?;
            let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
            let v = serde_json::from_slice::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v.get("version").and_then(|v| v.as_str()).map(str::to_string));
            self.versions.insert(blob, v);
        }
        Ok(self.versions[&blob].clone())
    }

    /// A catalog holding only the KPI at `place` (or nothing).
    fn mini(&self, place: Option<&Place>) -> Result<Catalog> {
        let mut files = BTreeMap::new();
        if let Some(p) = place {
            files.insert(p.path.clone(), self.blob(p.blob)?);
        }
        crate::model::load(&Files { dir: self.repo.ontology_dir().to_string(), files })
    }

    fn entry(
        &mut self,
        commit: &git2::Commit<'_>,
        tree: Option<&Tree<'_>>,
        parent_tree: Option<Oid>,
        before: Option<&Place>,
        after: Option<&Place>,
        opts: &Options<'_>,
    ) -> Result<Entry> {
        let (b, h) = (self.mini(before)?, self.mini(after)?);
        let changes: Vec<_> = compare(&b, &h, opts.bump_of).into_iter().filter(|c| c.kpi == self.id).collect();
        let mut kinds: Vec<ChangeKind> = changes.iter().map(|c| c.kind).collect();
        kinds.sort();
        kinds.dedup();
        let mut fields: Vec<String> = Vec::new();
        for c in &changes {
            let f = match (c.field.as_deref(), c.pointer.rsplit('/').next()) {
                (Some("definitionSource"), Some(sub)) if sub != "definitionSource" => format!("definitionSource.{sub}"),
                (Some(f), _) => f.to_string(),
                (None, _) => continue,
            };
            if !fields.contains(&f) {
                fields.push(f);
            }
        }
        let moved_from = match (before, after) {
            (Some(b), Some(a)) if b.path != a.path => Some(b.path.clone()),
            _ => None,
        };
        // A side that is not JSON has no data to compare: its bytes changing is
        // a change (diff skips such a file), never a reformatting.
        let unreadable = |p: &Place| -> Result<bool> {
            let bytes = self.blob(p.blob)?;
            let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
            Ok(serde_json::from_slice::<serde::de::IgnoredAny>(text).is_err())
        };
        let broken = match (before, after) {
            (Some(b), Some(a)) if b.blob != a.blob => unreadable(b)? || unreadable(a)?,
            _ => false,
        };
        let event = match (before, after) {
            (None, _) => Event::Added,
            (Some(_), None) => Event::Removed,
            _ if !changes.is_empty() || broken => Event::Changed,
            _ if moved_from.is_some() => Event::Moved,
            _ => Event::Reformatted,
        };
        let tier_of = |c: &Catalog| {
            c.kpi(self.id).and_then(|k| k.tier()).map(|t| match t {
                crate::model::Tier::Editorial => "editorial".to_string(),
                crate::model::Tier::Published => "published".to_string(),
            })
        };
        let tier = if after.is_some() { tier_of(&h) } else { tier_of(&b) };
        let parent_tree = match parent_tree {
            Some(t) => Some(self.repo.repo().find_tree(t).map_err(|e| git_err(e, "cannot read a tree"))?),
            None => None,
        };
        let author = commit.author();
        Ok(Entry {
            commit: commit.id().to_string(),
            short: short_id(commit.id()),
            date: date_of(author.when()),
            subject: String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default()).into_owned(),
            version: self.version(tree)?,
            previous_version: self.version(parent_tree.as_ref())?,
            event,
            kinds,
            fields,
            bump: required(&changes),
            tier,
            path: after.or(before).map(|p| p.path.clone()).unwrap_or_default(),
            moved_from,
            merge: commit.parent_count() > 1,
        })
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    // `windows(0)` panics; every text contains the empty string.
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// A git time as a date in its own offset.
fn date_of(t: git2::Time) -> String {
    let offset = jiff::tz::Offset::from_seconds(t.offset_minutes() * 60).unwrap_or(jiff::tz::Offset::UTC);
    match jiff::Timestamp::from_second(t.seconds()) {
        Ok(ts) => ts.to_zoned_datetime(jiff::tz::TimeZone::fixed(offset)).date().to_string(),
        Err(_) => "?".to_string(),
    }
}

/// Files held in memory, for the one-KPI catalogs.
struct Files {
    dir: String,
    files: BTreeMap<String, Vec<u8>>,
}

impl Source for Files {
    fn list(&self) -> Result<Vec<String>> {
        Ok(self.files.keys().cloned().collect())
    }

    fn read(&self, path: &str) -> Result<Vec<u8>> {
        self.files.get(path).cloned().ok_or_else(|| Error::Read {
            path: path.into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        })
    }

    fn describe(&self) -> String {
        "one KPI".into()
    }

    fn ontology_dir(&self) -> &str {
        &self.dir
    }
}
