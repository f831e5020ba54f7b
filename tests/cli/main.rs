//! The real binary's command line: headless listing, config commands and config errors.

mod compare;
mod opml;

use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    parallax_with(args, &[])
}

/// The binary in an empty home, with these environment variables set as well.
fn parallax_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("PARALLAX_CONFIG")
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("HOME", home.path())
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn config_error(fixture: &str) -> String {
    let path = format!("tests/fixtures/config/{fixture}");
    let out = parallax(&["--config", &path, "list"]);
    assert_eq!(out.status.code(), Some(2), "exit status for {fixture}");
    assert!(
        out.stdout.is_empty(),
        "nothing on stdout (the terminal is never touched)"
    );
    stderr(&out)
}

#[test]
fn unknown_action_is_located_and_a_fix_suggested() {
    assert_eq!(
        config_error("unknown-action.toml"),
        "parallax: the config file has 1 problem:\n  tests/fixtures/config/unknown-action.toml:3:1: unknown action `dwon` in [keys.list] (did you mean `down`?)\nFix it, or run with --config /dev/null to start on the defaults.\n"
    );
}

#[test]
fn unknown_key_name_is_located() {
    let e = config_error("unknown-key.toml");
    assert!(
        e.contains(
            "unknown-key.toml:2:26: unknown key name `Ctrl-PgDownn` in [keys.reader] page_down"
        ),
        "{e}"
    );
}

#[test]
fn one_key_for_two_actions_is_located() {
    let e = config_error("duplicate-key.toml");
    assert!(
        e.contains(
            "duplicate-key.toml:3:16: `x` is bound to both `down` and `toggle_read` in [keys.list]"
        ),
        "{e}"
    );
}

#[test]
fn wrong_value_type_is_located() {
    let e = config_error("wrong-type.toml");
    assert!(
        e.contains("wrong-type.toml:2:8: invalid type: string \"q\", expected a list of key names"),
        "{e}"
    );
}

#[test]
fn toml_syntax_errors_are_located() {
    let e = config_error("syntax.toml");
    assert!(e.contains("syntax.toml:2:"), "{e}");
}

#[test]
fn several_problems_are_listed_together() {
    let e = config_error("several.toml");
    assert!(
        e.starts_with("parallax: the config file has 3 problems:"),
        "{e}"
    );
    assert!(e.contains("several.toml:3:1: unknown action `dwon`"), "{e}");
    assert!(
        e.contains("several.toml:4:7: unknown key name `Hyper-k`"),
        "{e}"
    );
    assert!(e.contains("shadows `z z`"), "{e}");
}

#[test]
fn a_missing_explicit_config_is_an_error() {
    let out = parallax(&["--config", "tests/fixtures/config/none.toml", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("none.toml: cannot read config"),
        "{}",
        stderr(&out)
    );
}

/// A config of many megabytes (400,000 unknown actions, 12 MB) is refused at once for its
/// size, and a config that is not UTF-8 is located at the first bad byte.
#[test]
fn a_huge_or_binary_config_gets_a_clear_located_message() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.toml");
    let mut text = String::from("[keys.global]\n");
    for k in 0..400_000 {
        text.push_str(&format!("unknown_action_{k} = [\"x\"]\n"));
    }
    std::fs::write(&huge, text).unwrap();
    let out = parallax(&["--config", huge.to_str().unwrap(), "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("huge.toml: config refused: larger than 1024 KiB"),
        "{}",
        stderr(&out)
    );

    let binary = dir.path().join("binary.toml");
    std::fs::write(&binary, b"[theme]\nshared = \"gr\xffeen\"\n").unwrap();
    let out = parallax(&["--config", binary.to_str().unwrap(), "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("binary.toml:2:13: cannot read config: not UTF-8 text"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_valid_config_sets_the_library() {
    let out = parallax(&["--config", "tests/fixtures/config/valid.toml", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        table.contains("Crane collapses at Port of Valmora, three workers injured"),
        "{table}"
    );
    assert!(table.contains("sample-articles/valmora-crane-wire.md") || !table.contains("sample:"));
}

#[test]
fn config_default_prints_the_shipped_file() {
    let out = parallax(&["config", "default"]);
    assert!(out.status.success());
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config/default.toml"))
            .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), shipped);
}

#[test]
fn config_path_honours_the_environment() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["config", "path"])
        .env("PARALLAX_CONFIG", "/somewhere/px.toml")
        .env("HOME", home.path())
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.starts_with("/somewhere/px.toml (does not exist yet: defaults are in use)\nlog: "),
        "{said}"
    );
    assert!(said.trim_end().ends_with("parallax/parallax.log"), "{said}");
    let out = parallax(&["config", "path"]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("parallax/config.toml")
    );
}

#[test]
fn list_prints_a_table_and_reports_bad_files_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ok.md"),
        "+++\ntitle = \"Fine\"\nsource = \"Wire\"\npublished = 2026-01-02\n+++\nText here.",
    )
    .unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"\x00\x01").unwrap();
    let out = parallax(&["list", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(table.lines().count(), 2);
    assert!(
        table
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("2026-01-02  Wire"),
        "{table}"
    );
    assert!(
        stderr(&out).contains("bin.txt: skipped: binary file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn list_json_is_parseable_and_complete() {
    let out = parallax(&["list", "--json"]);
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), parallax::library::SAMPLES.len());
    let wire = rows
        .iter()
        .find(|r| r["source"] == "Coastline Press Agency" && r["published"] == "2026-03-04")
        .unwrap();
    assert_eq!(
        wire["title"],
        "Crane collapses at Port of Valmora, three workers injured"
    );
    assert!(wire["words"].as_u64().unwrap() > 150);
}

#[test]
fn list_shows_each_file_and_never_prints_a_name_raw() {
    let lib = tempfile::tempdir().unwrap();
    std::fs::write(
        lib.path().join("plain.md"),
        "# Plain title\n\nSome text here.\n",
    )
    .unwrap();
    std::fs::write(
        lib.path().join("\x1b]0;PWN\x07odd.md"),
        "# Odd title\n\nMore text here.\n",
    )
    .unwrap();
    let out = parallax(&["list", lib.path().to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap_or("");
    assert!(
        header.contains("PATH") && header.ends_with("TITLE"),
        "{header}"
    );
    assert!(
        text.contains("plain.md") && text.contains("odd.md"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b') && !text.contains('\x07'),
        "escapes in a file name reach the terminal: {text:?}"
    );
}

#[test]
fn escape_sequences_in_file_names_and_config_values_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    std::fs::write(lib.join("good.md"), "A Title\n\nA body.").unwrap();
    // A binary file whose name would retitle the window, reported on stderr by `list`.
    std::fs::write(lib.join("bin\u{1b}]0;PWN\u{7}.md"), b"\0binary").unwrap();
    let list = parallax(&["list", lib.to_str().unwrap()]);
    // A missing file whose name would clear the screen, named in `compare`'s error.
    let missing = lib.join("\u{1b}[2Jnope.md");
    let compare = parallax(&[
        "compare",
        missing.to_str().unwrap(),
        lib.join("good.md").to_str().unwrap(),
    ]);
    // A theme colour holding an OSC sequence (TOML's own escapes), echoed in the config error.
    let config = lib.join("config.toml");
    std::fs::write(&config, "[theme]\nconflict = \"\\u001b]0;PWN\\u0007\"\n").unwrap();
    let bad_config = parallax(&["--config", config.to_str().unwrap(), "list"]);
    for (what, out) in [
        ("list", &list),
        ("compare", &compare),
        ("config", &bad_config),
    ] {
        assert!(!out.stderr.contains(&0x1b), "{what}: raw ESC on stderr");
        assert!(!out.stdout.contains(&0x1b), "{what}: raw ESC on stdout");
        assert!(stderr(out).contains("\\x1b"), "{what}: {}", stderr(out));
    }
    assert!(stderr(&list).contains("bin\\x1b]0;PWN\\x07.md: skipped"));
    assert!(stderr(&compare).contains("\\x1b[2Jnope.md"));
}

#[test]
fn settings_of_the_wrong_type_are_listed_with_every_other_problem() {
    let e = config_error("wrong-settings.toml");
    assert!(
        e.starts_with("parallax: the config file has 3 problems:"),
        "{e}"
    );
    let lines: Vec<&str> = e.lines().skip(1).take(3).collect();
    assert!(
        lines[0].contains("wrong-settings.toml:1:17: `max_file_size` should be a number"),
        "{e}"
    );
    assert!(
        lines[1].contains("wrong-settings.toml:2:11: `browser` should be a command line"),
        "{e}"
    );
    assert!(
        lines[2].contains("wrong-settings.toml:5:1: unknown action `dwon`"),
        "{e}"
    );
}

#[test]
fn completion_scripts_offer_the_commands_and_their_options() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = parallax(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = String::from_utf8(out.stdout).unwrap();
        for word in ["compare", "fetch", "format", "side-by-side"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    let bash = parallax(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parallax.bash");
    std::fs::write(&path, &bash.stdout).unwrap();
    // The bash script loads, and completing `parallax comp` offers both commands that start so.
    let probe = format!(
        "source {}; COMP_WORDS=(parallax comp); COMP_CWORD=1; _parallax parallax comp parallax; \
         echo \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let run = Command::new("bash").args(["-c", &probe]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&run.stdout).trim(),
        "compare completions"
    );
    let unknown = parallax(&["completions", "tcsh"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("possible values"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn the_man_page_documents_every_command_and_a_folder_gets_one_page_each() {
    let out = parallax(&["manpage"]);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH parallax 1"),
        "{page}"
    );
    for command in ["list", "compare", "fetch", "config", "completions"] {
        assert!(
            page.contains(&format!("parallax\\-{command}(1)")),
            "{command}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("man1");
    let out = parallax(&["manpage", "--dir", into.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let compare = std::fs::read_to_string(into.join("parallax-compare.1")).unwrap();
    assert!(compare.contains("\\-\\-width"), "{compare}");
    assert!(into.join("parallax.1").exists() && into.join("parallax-config-path.1").exists());
}

#[test]
fn list_query_keeps_what_the_list_filter_would() {
    let out = parallax(&["list", "sample-articles", "--query", "source:daily -school"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = table.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{table}");
    assert!(rows[0].contains("Tessaly Daily"), "{table}");

    let out = parallax(&[
        "list",
        "sample-articles",
        "--query",
        "\"tram line\" unread",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!json.as_array().unwrap().is_empty());

    let bad = parallax(&["list", "sample-articles", "--query", "crane since:soon"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("--query, column 7: `soon` is not a time"),
        "{}",
        stderr(&bad)
    );
    assert!(bad.stdout.is_empty());
}
