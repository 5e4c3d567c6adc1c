//! A real headless Chromium driven over the DevTools protocol, for the tests
//! that must see what a user sees (live reload, overlays, scripts).
//!
//! The browser is found as `$QUORUM_CHROMIUM`, `chromium`, `chromium-browser`,
//! `chromium-headless-shell` or `google-chrome`. Without one, [`Browser::launch`]
//! returns `None` and the test says it was skipped — unless
//! `QUORUM_REQUIRE_BROWSER=1` (set by `.ci/run`), which makes it fail.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

/// A running headless browser.
pub struct Browser {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

/// One tab, driven over its DevTools WebSocket.
pub struct Tab {
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
}

fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("QUORUM_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for name in [
        "chromium",
        "chromium-browser",
        "chromium-headless-shell",
        "google-chrome",
    ] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

impl Browser {
    /// Starts headless Chromium, or `None` (with a note) when there is none.
    pub fn launch() -> Option<Browser> {
        let Some(binary) = find_chromium() else {
            assert!(
                std::env::var("QUORUM_REQUIRE_BROWSER").as_deref() != Ok("1"),
                "QUORUM_REQUIRE_BROWSER=1 but no Chromium was found"
            );
            eprintln!(
                "skipped: no Chromium on this machine (install the `chromium` package, or set QUORUM_CHROMIUM)"
            );
            return None;
        };
        let profile = tempfile::tempdir().unwrap();
        let mut command = Command::new(&binary);
        // Chromium and its helpers go with the test, even when the test dies:
        // their own process group (killed whole on drop), and a signal to the
        // browser should this process end first.
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::process::CommandExt;
            command.process_group(0);
            // SAFETY: prctl only sets a flag of the child process; nothing is allocated.
            unsafe {
                command.pre_exec(|| {
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                    Ok(())
                });
            }
        }
        let mut child = command
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // A page kept for "back" keeps its live-reload connection
                // open: a test that walks hundreds of pages would run out of
                // connections to the server.
                "--disable-features=BackForwardCache",
                "--remote-debugging-port=0",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        let stderr = child.stderr.take().unwrap();
        let mut port = None;
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("ws://127.0.0.1:").nth(1) {
                port = rest.split('/').next().and_then(|p| p.parse().ok());
                break;
            }
        }
        let port = port.expect("Chromium prints its DevTools address");
        Some(Browser {
            child,
            port,
            _profile: profile,
        })
    }

    /// Opens `url` in a new tab.
    pub fn open(&self, url: &str) -> Tab {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let endpoint = format!("http://127.0.0.1:{}/json/new?{}", self.port, url);
        let body = agent
            .put(&endpoint)
            .send_empty()
            .unwrap()
            .into_body()
            .read_to_string()
            .unwrap();
        let target: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
        let ws = target["webSocketDebuggerUrl"]
            .as_str()
            .expect("a page target")
            .to_owned();
        let (socket, _) = tungstenite::connect(ws).expect("the tab's DevTools socket opens");
        let mut tab = Tab { socket, next_id: 1 };
        tab.call("Page.enable", json!({}));
        tab.call("Runtime.enable", json!({}));
        tab
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        // SAFETY: kill only sends a signal to the browser's own process group.
        unsafe {
            libc::kill(-(self.child.id() as i32), libc::SIGKILL);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Tab {
    /// Sends a DevTools command and waits for its result.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let msg = json!({ "id": id, "method": method, "params": params });
        self.socket.send(Message::text(msg.to_string())).unwrap();
        loop {
            let reply = self.socket.read().expect("the browser answers");
            if let Message::Text(text) = reply {
                let v: Value = serde_json::from_str(&text).unwrap();
                if v["id"] == json!(id) {
                    assert!(v.get("error").is_none(), "{method}: {v}");
                    return v["result"].clone();
                }
            }
        }
    }

    /// Evaluates JavaScript in the page and returns its value.
    pub fn eval(&mut self, expression: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        );
        r["result"]["value"].clone()
    }

    /// Waits (up to 20 s) until `expression` is true in the page.
    pub fn wait_for(&mut self, expression: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.eval(&format!("Boolean({expression})")) == json!(true) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let text = self.eval("document.body ? document.body.innerText.slice(0, 2000) : ''");
        panic!("timed out waiting for `{expression}`; the page says:\n{text}");
    }

    /// Opens `url` and waits for it to be loaded.
    pub fn visit(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url }));
        let href = serde_json::to_string(url).unwrap();
        self.wait_for(&format!(
            "location.href === {href} && document.readyState === 'complete'"
        ));
    }

    /// Presses and releases `key` (`text` is what it types).
    pub fn key(&mut self, key: &str, code: u32, text: Option<&str>) {
        let mut down = json!({
            "type": "keyDown", "key": key, "code": key,
            "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code
        });
        if let Some(t) = text {
            down["text"] = json!(t);
        }
        self.call("Input.dispatchKeyEvent", down);
        self.call(
            "Input.dispatchKeyEvent",
            json!({ "type": "keyUp", "key": key, "code": key, "windowsVirtualKeyCode": code }),
        );
    }

    /// Makes the page `width` × `height` CSS pixels, a phone's (touch,
    /// mobile viewport) below 600 px.
    #[allow(dead_code)]
    pub fn screen(&mut self, (width, height): (u32, u32)) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
        );
    }

    /// Shows the page in the dark or the light colour scheme.
    #[allow(dead_code)]
    pub fn scheme(&mut self, dark: bool) {
        let value = if dark { "dark" } else { "light" };
        self.call(
            "Emulation.setEmulatedMedia",
            json!({ "media": "screen", "features": [{ "name": "prefers-color-scheme", "value": value }] }),
        );
    }

    /// Saves a PNG screenshot of the page.
    pub fn screenshot(&mut self, path: &std::path::Path) {
        let r = self.call(
            "Page.captureScreenshot",
            json!({ "format": "png", "captureBeyondViewport": true }),
        );
        let data = r["data"].as_str().unwrap();
        use base64::Engine;
        let png = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap();
        std::fs::write(path, png).unwrap();
    }

    /// Prints the page as the browser's print dialog does, on A4 paper unless
    /// the page's CSS names a size, without the browser's own header and
    /// footer; returns the PDF's bytes.
    pub fn print_to_pdf(&mut self) -> Vec<u8> {
        let r = self.call(
            "Page.printToPDF",
            json!({
                "displayHeaderFooter": false,
                "preferCSSPageSize": true,
                "printBackground": false,
                "paperWidth": 8.27,
                "paperHeight": 11.69,
            }),
        );
        let data = r["data"].as_str().expect("printToPDF returns the PDF");
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap()
    }
}

/// Where the tests leave their screenshots: `target/screenshots/`.
pub fn screenshots() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
