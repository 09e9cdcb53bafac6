//! The shipped integrations: the pre-commit hooks (`.pre-commit-hooks.yaml`)
//! and the GitHub Action (`action.yml`), both at the repository root.
//!
//! The hooks ship as `language: rust`: pre-commit would build ontolint from
//! this repository with cargo in its own cache, which takes minutes and needs
//! the crates registry. So the pre-commit test does not build through
//! pre-commit: it copies the shipped hook definitions into a throwaway hook
//! repository with only `language` rewritten to `system` and the leading
//! `ontolint` of each `entry` replaced by the binary cargo built for these
//! tests; every other key (`files`, `exclude`, `pass_filenames`, `always_run`,
//! `stages`, the arguments of `entry`) is the shipped one. pre-commit runs
//! with its cache in a temporary folder and needs no network.
//!
//! The action cannot run here; its `run:` scripts (all but the install step)
//! are executed as they are, with bash as GitHub runs them, in a throwaway
//! pull-request branch, so its commands are the tested ones.

use super::git::{CI_VARS, DATE, Repo, git_ok};
use serde_norway::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
const BIN: &str = env!("CARGO_BIN_EXE_ontolint");

/// Variables that would point git at another repository (set when the tests
/// run from a git hook).
const GIT_LOCATION_VARS: &[&str] =
    &["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE"];

fn shipped_yaml(rel: &str) -> Value {
    let path = Path::new(MANIFEST_DIR).join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{rel} is not valid YAML: {e}"))
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("`{key}` is not a string in {v:?}"))
}

/// A command with the fixed git identity and date of tests/common/git.rs, no
/// user git configuration, none of the CI variables of the machine, and
/// pre-commit's cache in `home`.
fn command(program: &str, dir: &Path, home: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .env("GIT_AUTHOR_DATE", DATE)
        .env("GIT_COMMITTER_DATE", DATE)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("PRE_COMMIT_HOME", home)
        .env("PRE_COMMIT_COLOR", "never")
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C");
    for var in CI_VARS.iter().chain(GIT_LOCATION_VARS) {
        cmd.env_remove(var);
    }
    cmd
}

fn run(mut cmd: Command) -> (i32, String) {
    let out: Output = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

fn pre_commit_installed() -> bool {
    Command::new("pre-commit").arg("--version").output().is_ok_and(|o| o.status.success())
}

/// The shipped hooks with `language: system` and the test binary as `ontolint`.
fn hooks_for_test() -> String {
    let mut hooks = shipped_yaml(".pre-commit-hooks.yaml");
    assert!(!BIN.contains('\''), "the binary path {BIN} cannot be quoted for pre-commit");
    for hook in hooks.as_sequence_mut().expect(".pre-commit-hooks.yaml is a list") {
        assert_eq!(str_of(hook, "language"), "rust", "the shipped hooks build ontolint with cargo");
        let entry = str_of(hook, "entry").to_string();
        let args = entry.strip_prefix("ontolint ").unwrap_or_else(|| panic!("entry {entry:?} does not run ontolint"));
        let map = hook.as_mapping_mut().unwrap();
        map.insert("language".into(), "system".into());
        map.insert("entry".into(), format!("'{BIN}' {args}").into());
    }
    serde_norway::to_string(&hooks).unwrap()
}

/// `git commit -m message` with the hooks that `pre-commit install` set up.
fn commit(repo: &Repo, home: &Path, message: &str) -> (i32, String) {
    let mut cmd = command("git", repo.path(), home);
    cmd.args(["commit", "-m", message]);
    run(cmd)
}

fn head_subject(repo: &Repo) -> String {
    repo.git(&["log", "-1", "--format=%s"])
}

#[test]
fn pre_commit_hooks_gate_commits() {
    if !pre_commit_installed() {
        println!("skipped: pre-commit is not installed");
        return;
    }
    let home = tempfile::tempdir().unwrap();

    // The shipped manifest is valid for pre-commit as it is.
    let mut cmd = command("pre-commit", Path::new(MANIFEST_DIR), home.path());
    cmd.args(["validate-manifest", ".pre-commit-hooks.yaml"]);
    let (code, out) = run(cmd);
    assert_eq!(code, 0, "pre-commit rejects .pre-commit-hooks.yaml:\n{out}");

    // The README's copy-paste configuration is valid too.
    let readme_config = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(readme_config.path(), readme_block("yaml", "repo: https://github.com/ontolint/ontolint")).unwrap();
    let mut cmd = command("pre-commit", Path::new(MANIFEST_DIR), home.path());
    cmd.arg("validate-config").arg(readme_config.path());
    let (code, out) = run(cmd);
    assert_eq!(code, 0, "pre-commit rejects the README's .pre-commit-config.yaml:\n{out}");

    // A hook repository holding the shipped hooks (see the module docs).
    let hook_repo = tempfile::tempdir().unwrap();
    std::fs::write(hook_repo.path().join(".pre-commit-hooks.yaml"), hooks_for_test()).unwrap();
    git_ok(hook_repo.path(), &["init", "-q", "-b", "main"]);
    git_ok(hook_repo.path(), &["add", "-A"]);
    git_ok(hook_repo.path(), &["commit", "-q", "-m", "hooks"]);
    let rev = git_ok(hook_repo.path(), &["rev-parse", "HEAD"]);

    // A catalog repository (base fixture, 1.0.0) using the three hooks.
    let repo = Repo::base();
    repo.write(
        ".pre-commit-config.yaml",
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: ontolint-check\n      - id: ontolint-diff\n      - id: ontolint-fmt\n",
            hook_repo.path().display()
        ),
    );
    repo.commit("pre-commit config");
    let mut cmd = command("pre-commit", repo.path(), home.path());
    cmd.arg("install");
    let (code, out) = run(cmd);
    assert_eq!(code, 0, "pre-commit install failed:\n{out}");

    // A KPI with a syntax error is staged: `try-repo` reports it, and the commit is rejected.
    let mrr = repo.read("ontology/sales/mrr.json");
    repo.replace("ontology/sales/mrr.json", "{", "{,");
    repo.git(&["add", "-A"]);
    let mut cmd = command("pre-commit", repo.path(), home.path());
    cmd.arg("try-repo").arg(hook_repo.path()).args(["ontolint-check", "--files", "ontology/sales/mrr.json"]);
    let (code, out) = run(cmd);
    assert_eq!(code, 1, "try-repo ontolint-check should fail on a broken KPI:\n{out}");
    assert!(out.contains("FIL003") && out.contains("ontology/sales/mrr.json"), "no FIL003 at the file:\n{out}");

    let (code, out) = commit(&repo, home.path(), "broken mrr");
    assert_ne!(code, 0, "a broken KPI was committed:\n{out}");
    assert!(out.contains("FIL003") && out.contains("ontology/sales/mrr.json"), "no FIL003 at the file:\n{out}");
    assert_eq!(head_subject(&repo), "pre-commit config", "the commit was made:\n{out}");

    // Fixed, with a text change and the patch release it needs: accepted.
    repo.write("ontology/sales/mrr.json", mrr);
    repo.replace("ontology/sales/mrr.json", "for the test catalog", "for the test catalog, per month");
    repo.release("1.0.1", "2026-02-01");
    repo.git(&["add", "-A"]);
    let (code, out) = commit(&repo, home.path(), "clarify mrr");
    assert_eq!(code, 0, "a valid change was rejected:\n{out}");
    assert_eq!(head_subject(&repo), "clarify mrr");
    for hook in ["ontolint check", "ontolint diff", "ontolint fmt --check"] {
        assert!(out.lines().any(|l| l.starts_with(hook) && l.ends_with("Passed")), "{hook} did not pass:\n{out}");
    }

    // A deletion alone (no file for the other hooks) with the version
    // unchanged: ontolint-diff still runs on the staged catalog and rejects it.
    repo.git(&["rm", "-q", "ontology/sales/win_rate.json"]);
    let (code, out) = commit(&repo, home.path(), "drop win_rate");
    assert_ne!(code, 0, "a removal without a major bump was committed:\n{out}");
    assert!(out.contains("VER001") && out.contains("sales.win_rate"), "no VER001 for the removal:\n{out}");
    assert_eq!(head_subject(&repo), "clarify mrr");

    // With the major bump: accepted.
    repo.release("2.0.0", "2026-03-01");
    repo.git(&["add", "-A"]);
    let (code, out) = commit(&repo, home.path(), "drop win_rate");
    assert_eq!(code, 0, "the removal with a major bump was rejected:\n{out}");
    assert_eq!(head_subject(&repo), "drop win_rate");
    assert!(!repo.file("ontology/sales/win_rate.json").exists());
}

/// The shipped hooks exactly as they are (`language: rust`): pre-commit builds
/// ontolint from this repository with cargo, then gates a commit. The build
/// takes minutes, so this runs where `ONTOLINT_TEST_RUST_HOOKS=1` (set by
/// `.ci/run`), and says why it is skipped elsewhere.
#[test]
fn shipped_rust_hooks_build_and_gate_a_commit() {
    if std::env::var_os("ONTOLINT_TEST_RUST_HOOKS").is_none_or(|v| v != "1") {
        println!(
            "skipped: set ONTOLINT_TEST_RUST_HOOKS=1 to build the hooks with cargo through pre-commit (.ci/run does)"
        );
        return;
    }
    assert!(pre_commit_installed(), "ONTOLINT_TEST_RUST_HOOKS=1 but pre-commit is not installed");
    let home = tempfile::tempdir().unwrap();
    let repo = Repo::base();
    repo.replace("ontology/sales/mrr.json", "{", "{,");
    repo.git(&["add", "-A"]);
    let try_repo = |hook: &str, files: &[&str]| {
        let mut cmd = command("pre-commit", repo.path(), home.path());
        // cargo and rustup find the machine's toolchain through HOME.
        if let Some(h) = std::env::var_os("HOME") {
            cmd.env("HOME", h);
        }
        cmd.arg("try-repo").arg(MANIFEST_DIR).arg(hook);
        if files.is_empty() {
            cmd.arg("--all-files");
        } else {
            cmd.arg("--files").args(files);
        }
        run(cmd)
    };
    let (code, out) = try_repo("ontolint-check", &["ontology/sales/mrr.json"]);
    assert_eq!(code, 1, "the built hook should reject a broken KPI:\n{out}");
    assert!(out.contains("FIL003") && out.contains("ontology/sales/mrr.json"), "no FIL003 at the file:\n{out}");
    repo.replace("ontology/sales/mrr.json", "{,", "{");
    repo.git(&["add", "-A"]);
    let (code, out) = try_repo("ontolint-check", &["ontology/sales/mrr.json"]);
    assert_eq!(code, 0, "the built hook rejected a valid KPI:\n{out}");
    let (code, out) = try_repo("ontolint-diff", &[]);
    assert_eq!(code, 0, "ontolint-diff on an unchanged catalog:\n{out}");
}

/// The first fenced block of `lang` in README.md that contains `needle`.
fn readme_block(lang: &str, needle: &str) -> String {
    let readme = std::fs::read_to_string(Path::new(MANIFEST_DIR).join("README.md")).unwrap();
    let fence = format!("```{lang}\n");
    readme
        .split(&fence)
        .skip(1)
        .filter_map(|rest| rest.split_once("```").map(|(block, _)| block))
        .find(|block| block.contains(needle))
        .unwrap_or_else(|| panic!("README.md has no ```{lang} block with {needle:?}"))
        .to_string()
}

#[test]
fn shipped_hooks_run_the_accepted_commands() {
    let hooks = shipped_yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_sequence().expect(".pre-commit-hooks.yaml is a list");
    let ids: Vec<&str> = hooks.iter().map(|h| str_of(h, "id")).collect();
    assert_eq!(ids, ["ontolint-check", "ontolint-diff", "ontolint-fmt"]);

    // Every entry, run for real on a valid staged catalog with the file list
    // pre-commit would pass, succeeds: the subcommands and flags exist.
    let repo = Repo::base();
    repo.replace("ontology/sales/mrr.json", "for the test catalog", "for the test catalog, per month");
    repo.release("1.0.1", "2026-02-01");
    repo.git(&["add", "-A"]);
    for hook in hooks {
        let entry = str_of(hook, "entry");
        let args: Vec<&str> = entry.strip_prefix("ontolint ").expect("entry runs ontolint").split(' ').collect();
        let mut all = args.clone();
        if hook["pass_filenames"].as_bool() != Some(false) {
            all.push("ontology/sales/mrr.json");
        } else {
            assert!(
                hook["always_run"].as_bool() == Some(true),
                "{entry}: a hook that reads the whole catalog must run on deletions too (always_run)"
            );
        }
        let out = repo.ontolint(&all);
        assert_eq!(
            out.status.code(),
            Some(0),
            "`ontolint {}` failed:\n{}{}",
            all.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// `${{ … }}` expressions of the action, as the runner would expand them.
struct Expr<'a> {
    inputs: &'a BTreeMap<String, String>,
    outputs: &'a BTreeMap<String, BTreeMap<String, String>>,
}

impl Expr<'_> {
    fn value(&self, expr: &str) -> String {
        let expr = expr.trim();
        if let Some(name) = expr.strip_prefix("inputs.") {
            return self.inputs.get(name).unwrap_or_else(|| panic!("unknown input {name}")).clone();
        }
        if expr == "github.action_path" {
            return MANIFEST_DIR.to_string();
        }
        if let Some(rest) = expr.strip_prefix("steps.") {
            let (step, key) = rest.split_once(".outputs.").unwrap_or_else(|| panic!("unsupported expression {expr}"));
            return self.outputs.get(step).and_then(|o| o.get(key)).cloned().unwrap_or_default();
        }
        panic!(
            "the test does not expand `{expr}`: keep the action's expressions to inputs, steps outputs and github.action_path"
        )
    }

    fn expand(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").expect("unclosed ${{") + start;
            out.push_str(&self.value(&rest[start + 3..end]));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// A step's `if:`; the action uses only `steps.ID.outputs.KEY == 'VALUE'`.
    fn condition(&self, cond: &str) -> bool {
        let (lhs, rhs) = cond.split_once("==").unwrap_or_else(|| panic!("unsupported condition {cond}"));
        self.value(lhs) == rhs.trim().trim_matches('\'')
    }
}

/// What one run of the action did.
struct ActionRun {
    /// Exit code of each `run:` step, by id or name.
    exits: BTreeMap<String, i32>,
    logs: String,
    uploaded: Vec<PathBuf>,
    summary: String,
}

/// Runs the action's steps (but the install) at the root of `repo`, on a
/// pull request into `main`, with the test binary on PATH.
fn run_action(repo: &Repo) -> ActionRun {
    let action = shipped_yaml("action.yml");
    assert_eq!(str_of(&action["runs"], "using"), "composite");
    let mut inputs = BTreeMap::new();
    for (name, spec) in action["inputs"].as_mapping().expect("inputs") {
        inputs.insert(name.as_str().unwrap().to_string(), str_of(spec, "default").to_string());
    }
    assert_eq!(inputs.get("root").map(String::as_str), Some("."));
    assert_eq!(inputs.get("fail-on").map(String::as_str), Some("error"));

    let scratch = tempfile::tempdir().unwrap();
    let summary = scratch.path().join("summary.md");
    std::fs::write(&summary, "").unwrap();
    let bin_dir = Path::new(BIN).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut outputs: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut run_result =
        ActionRun { exits: BTreeMap::new(), logs: String::new(), uploaded: vec![], summary: String::new() };

    for (i, step) in action["runs"]["steps"].as_sequence().expect("steps").iter().enumerate() {
        let id = step["id"].as_str().map(str::to_string).unwrap_or_else(|| str_of(step, "name").to_string());
        let expr = Expr { inputs: &inputs, outputs: &outputs };
        if let Some(cond) = step["if"].as_str()
            && !expr.condition(cond)
        {
            continue;
        }
        if let Some(uses) = step["uses"].as_str() {
            assert!(uses.starts_with("github/codeql-action/upload-sarif@"), "unexpected action {uses}");
            let file = repo.path().join(expr.expand(str_of(&step["with"], "sarif_file")));
            let sarif: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap())
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", file.display()));
            assert_eq!(sarif["version"], "2.1.0");
            run_result.uploaded.push(file);
            continue;
        }
        let script = str_of(step, "run");
        assert_eq!(str_of(step, "shell"), "bash");
        if id == "install" {
            assert!(script.contains("cargo install --locked --path \"$ACTION_PATH\""), "install step: {script}");
            assert_eq!(str_of(&step["env"], "ACTION_PATH"), "${{ github.action_path }}");
            continue;
        }
        assert!(!script.contains("${{"), "step {id}: pass expressions through env:, not inside run:");
        let script_file = scratch.path().join(format!("step{i}.sh"));
        std::fs::write(&script_file, script).unwrap();
        let output_file = scratch.path().join(format!("output{i}"));
        std::fs::write(&output_file, "").unwrap();
        let dir = match step["working-directory"].as_str() {
            Some(wd) => repo.path().join(expr.expand(wd)),
            None => repo.path().to_path_buf(),
        };
        let mut cmd = command("bash", &dir, scratch.path());
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail"])
            .arg(&script_file)
            .env("PATH", &path)
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_BASE_REF", "main")
            .env("GITHUB_WORKSPACE", repo.path())
            .env("GITHUB_OUTPUT", &output_file)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("RUNNER_TEMP", scratch.path());
        if let Some(env) = step["env"].as_mapping() {
            for (k, v) in env {
                cmd.env(k.as_str().unwrap(), expr.expand(v.as_str().unwrap()));
            }
        }
        let (code, out) = run(cmd);
        run_result.logs.push_str(&format!("== {id} (exit {code})\n{out}\n"));
        run_result.exits.insert(id.clone(), code);
        let step_outputs = std::fs::read_to_string(&output_file).unwrap();
        let parsed = step_outputs
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        outputs.insert(id, parsed);
        if code != 0 {
            break; // the runner stops at a failing step
        }
    }
    run_result.summary = std::fs::read_to_string(&summary).unwrap();
    run_result
}

#[test]
fn github_action_steps_run_check_and_diff() {
    // A pull request (branch `feature` into `main`) that removes a KPI
    // without the major bump it requires.
    let repo = Repo::base();
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.remove("ontology/sales/win_rate.json");
    repo.commit("drop win_rate");

    let run = run_action(&repo);
    let logs = &run.logs;
    assert_eq!(run.exits.get("check"), Some(&0), "{logs}");
    assert_eq!(run.exits.get("diff"), Some(&0), "the diff step records the status and goes on:\n{logs}");
    assert_eq!(run.exits.get("Verdict"), Some(&1), "the action must fail:\n{logs}");
    assert!(logs.contains("::error file=ontology/catalog.json") && logs.contains("VER001"), "{logs}");
    assert!(logs.contains("merge-base with main"), "diff must compare with the pull request base:\n{logs}");
    let names: Vec<String> =
        run.uploaded.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["ontolint-check.sarif", "ontolint-diff.sarif"], "{logs}");
    let diff_sarif = std::fs::read_to_string(&run.uploaded[1]).unwrap();
    assert!(diff_sarif.contains("\"VER001\""), "{diff_sarif}");
    assert!(run.summary.contains("VER001"), "step summary:\n{}", run.summary);

    // With the bump: everything passes.
    repo.release("2.0.0", "2026-03-01");
    repo.commit("release 2.0.0");
    let run = run_action(&repo);
    let logs = &run.logs;
    assert_eq!(run.exits.get("check"), Some(&0), "{logs}");
    assert_eq!(run.exits.get("diff"), Some(&0), "{logs}");
    assert_eq!(run.exits.get("Verdict"), Some(&0), "{logs}");
    assert_eq!(run.uploaded.len(), 2, "{logs}");
    assert!(!run.summary.is_empty());
}
