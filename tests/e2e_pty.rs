//! End to end: the real binary in a pseudo-terminal. Keys are typed, the screen is read back
//! through a terminal emulator (vt100), and after quitting the terminal must be restored.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 120;

struct Session {
    parser: vt100::Parser,
    raw: Vec<u8>,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(args: &[&str], home: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env_remove("PARALLAX_CONFIG");
        let child = pty.slave.spawn_command(cmd).expect("start parallax");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _keep_master_open = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(ROWS, COLS, 0),
            raw: Vec::new(),
            output: rx,
            writer,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until the screen shows `text` (or gives up after a generous while, which
    /// only happens when the behaviour is wrong).
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.screen().contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "never saw {text:?}; screen was:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(200)))
            {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
        }
    }

    fn wait_gone(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.screen().contains(text) {
            assert!(
                Instant::now() < deadline,
                "{text:?} never went away:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
        }
    }

    fn type_keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the program to exit and drains what it printed last.
    fn finish(mut self) -> (portable_pty::ExitStatus, vt100::Parser, Vec<u8>) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "parallax did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(300)) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
        (status, self.parser, self.raw)
    }
}

fn last_index(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn browse_read_help_and_quit_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], home.path());
    s.wait_for("Library 14 unread of 14 · ");
    s.wait_for("Mayor opens Ashgrove's first new school in twenty years");

    s.type_keys(b"j");
    s.wait_for("Rails & Tales · by tramfan88");

    s.type_keys(b"\r");
    s.wait_for("Esc list");

    // Search the article: every match counted, n to the next, Esc (alone) ends the search.
    s.type_keys(b"/tram");
    s.wait_for("search: tram");
    s.type_keys(b"\rn");
    s.wait_for("\"tram\": 2 of ");
    s.type_keys(b"\x1b");
    s.wait_for("search ended");

    s.type_keys(b"?");
    s.wait_for("Everywhere  [keys.global]");
    s.type_keys(b"\x1b");
    s.wait_gone("Everywhere  [keys.global]");

    // Esc on its own (a following byte would make it Alt-/), back to the list, then filter.
    s.type_keys(b"\x1b");
    s.wait_for("Enter open");
    s.type_keys(b"/crane");
    s.wait_for("/crane");
    s.wait_for("Library 7 of 14 · 7 unread · filter: crane");

    s.type_keys(b"\rq");
    let (status, parser, raw) = s.finish();
    assert!(status.success(), "exit status {status:?}");

    // Restored: the alternate screen was left after it was last entered, mouse reporting and
    // raw mode are off, and the cursor is visible again.
    let entered = last_index(&raw, b"\x1b[?1049h").expect("used the alternate screen");
    let left = last_index(&raw, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(left > entered);
    assert!(
        last_index(&raw, b"\x1b[?1000l").is_some_and(|i| i > entered),
        "mouse reporting turned off"
    );
    assert!(!parser.screen().alternate_screen());
    assert!(!parser.screen().hide_cursor());

    // Opening the article marked it read, and the mark was written to the data folder.
    let state = std::fs::read_to_string(home.path().join("data/parallax/state.json")).unwrap();
    assert!(state.contains("sample:tessaly-tram-blog.md"), "{state}");
}

#[test]
fn a_corrupt_state_file_is_set_aside_with_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("data/parallax");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("state.json"), "{\"read\": [oops").unwrap();

    let mut s = Session::start(&[], home.path());
    s.wait_for("is unreadable");
    s.type_keys(b"q");
    let (status, _, _) = s.finish();
    assert!(status.success());
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("state.json.corrupt-")),
        "{names:?}"
    );
}

#[test]
fn mark_compare_and_read_both_columns() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&["sample-articles"], home.path());
    s.wait_for("Library 14 unread of 14 · ");
    // Filter to the tram wire story, mark it, then pick the paraphrase and compare.
    s.type_keys(b"/meridian");
    s.wait_for("Library 1 of 14");
    s.type_keys(b"\rm");
    s.wait_for("marked \"Tessaly council approves 12-kilometre tram extension\"");
    s.type_keys(b"\x1b");
    s.wait_for("Library 14 unread of 14 · ");
    s.type_keys(b"/wrangling\r");
    s.wait_for("Library 1 of 14");
    s.type_keys(b"c");
    s.wait_for(" Compare ");
    // The status line is drawn last: once it shows, the frame is complete.
    s.wait_for("the marked article (left)");
    s.wait_for("Molnar expects the new line");
    let screen = s.screen();
    // Both columns, side by side on the same rows.
    let row = screen
        .lines()
        .find(|l| l.contains("Molnar said the line") && l.contains("Molnar expects the new line"))
        .unwrap_or_else(|| panic!("no row with both columns:\n{screen}"));
    assert!(
        row.find("said the line") < row.find("expects the new line"),
        "{row}"
    );
    assert!(
        screen.contains("L: Tessaly council approves 12-kilometre tram extension"),
        "{screen}"
    );
    assert!(screen.contains("R: After years of wrangling"), "{screen}");

    // The conflict list, and Enter goes to the second conflict's passage.
    s.type_keys(b"!");
    s.wait_for("Conflicts (6)");
    s.type_keys(b"j\r");
    s.wait_gone("Conflicts (6)");
    // Search both reports; n goes to the next match.
    s.type_keys(b"/crowns");
    s.wait_for("search: crowns");
    s.type_keys(b"\rn");
    s.wait_for("\"crowns\": 2 of ");
    s.type_keys(b"\x1b");
    s.wait_for("search ended");

    // Export, then back to the list and quit.
    s.type_keys(b"e");
    s.wait_for("export to: ");
    s.type_keys(b"\r");
    s.wait_for("exported to ");
    s.type_keys(b"\x1b");
    s.wait_for("Library ");
    s.type_keys(b"q");
    let (status, parser, _) = s.finish();
    assert!(status.success());
    assert!(!parser.screen().alternate_screen());
    let exports: Vec<_> = std::fs::read_dir(home.path().join("data/parallax/exports"))
        .unwrap()
        .collect();
    assert_eq!(exports.len(), 1);
}
