//! A `quorum serve` process for tests: started on a free port, read over
//! HTTP (ureq), its server-sent events collected by a thread.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// A running dev server.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT/base/`
    pub url: String,
    /// The folder it serves from.
    pub dir: PathBuf,
    /// What it printed before its address: the first build.
    pub startup: Vec<String>,
    log: Receiver<String>,
}

/// The port of an address `http://HOST:PORT/…`.
fn port_of(url: &str) -> u16 {
    let authority = url.trim_start_matches("http://").split('/').next().unwrap();
    authority.rsplit(':').next().unwrap().parse().unwrap()
}

/// An HTTP answer as read off the socket: 0 for the status when there was none.
#[allow(dead_code)]
pub struct Raw {
    pub status: u16,
    /// The status line and headers.
    pub head: String,
    pub body: String,
}

/// An HTTP answer.
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub etag: Option<String>,
    pub body: String,
}

impl Server {
    /// Starts `quorum serve` on a free port for the site at `root`.
    pub fn start(root: &Path, extra: &[&str]) -> Server {
        Server::spawn(Server::command(root, extra))
    }

    /// The command [`Server::start`] runs, to change before [`Server::spawn`].
    #[allow(dead_code)]
    pub fn command(root: &Path, extra: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_quorum"));
        command
            .args(["serve", "--port", "0", "--today", "2024-03-01", "--root"])
            .arg(root)
            .args(extra);
        command
    }

    /// Starts `quorum serve` the way a user does: in the site's folder,
    /// without `--root`.
    #[allow(dead_code)]
    pub fn start_inside(root: &Path) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_quorum"));
        command
            .args(["serve", "--port", "0", "--today", "2024-03-01"])
            .current_dir(root);
        Server::spawn(command)
    }

    /// Runs a `quorum serve` command and waits for its address.
    pub fn spawn(mut command: Command) -> Server {
        let mut child = command
            .env("NO_COLOR", "1")
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("quorum serve starts");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut startup = Vec::new();
        let url = loop {
            let line = rx
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .expect("serve prints its address");
            if let Some(rest) = line.strip_prefix("serving ") {
                break rest.split_whitespace().next().unwrap().to_owned();
            }
            startup.push(line);
        };
        let port = port_of(&url);
        let dir = std::env::temp_dir().join(format!("quorum-serve-{}-{port}", child.id()));
        Server {
            child,
            url,
            dir,
            startup,
            log: rx,
        }
    }

    /// GETs a path below the base URL.
    pub fn get(&self, path: &str) -> Answer {
        self.request(
            "GET",
            &format!("{}{}", self.url, path.trim_start_matches('/')),
        )
    }

    /// Any method, any absolute URL.
    pub fn request(&self, method: &str, url: &str) -> Answer {
        self.request_with(method, url, &[])
    }

    /// A request with extra headers.
    pub fn request_with(&self, method: &str, url: &str, headers: &[(&str, &str)]) -> Answer {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .into();
        let response = match method {
            "HEAD" => headers
                .iter()
                .fold(agent.head(url), |r, (k, v)| r.header(*k, *v))
                .call(),
            _ => headers
                .iter()
                .fold(agent.get(url), |r, (k, v)| r.header(*k, *v))
                .call(),
        }
        .unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let etag = response
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.into_body().read_to_string().unwrap_or_default();
        Answer {
            status,
            content_type,
            etag,
            body,
        }
    }

    /// Opens the event stream; events arrive as (name, data).
    pub fn events(&self) -> Events {
        let url = format!("{}__quorum/events", self.url);
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .build()
                .into();
            let Ok(response) = agent.get(&url).call() else {
                return;
            };
            let reader = BufReader::new(response.into_body().into_reader());
            let mut name = String::new();
            for line in reader.lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("event: ") {
                    name = n.to_owned();
                } else if let Some(d) = line.strip_prefix("data: ")
                    && tx.send((name.clone(), d.to_owned())).is_err()
                {
                    break;
                }
            }
        });
        let events = Events { rx };
        events.wait("hello");
        events
    }

    /// The port the server listens on.
    #[allow(dead_code)]
    pub fn port(&self) -> u16 {
        port_of(&self.url)
    }

    /// Sends `request` byte for byte over a connection of its own and reads
    /// the answer until the server closes the connection or says nothing
    /// for two seconds (an event stream never ends).
    #[allow(dead_code)]
    pub fn raw(&self, request: &[u8]) -> Raw {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port())).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(2)))
            .unwrap();
        stream.write_all(request).unwrap();
        let mut bytes = Vec::new();
        let mut buffer = [0; 8192];
        loop {
            match stream.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => bytes.extend_from_slice(&buffer[..n]),
            }
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Raw {
            status,
            head: head.to_owned(),
            body: body.to_owned(),
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends the server SIGINT, as Ctrl-C does, and waits up to `limit`
    /// for it to end; `None` if it is still running then.
    #[allow(dead_code)]
    pub fn interrupt(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        self.signal(libc::SIGINT, limit)
    }

    /// Sends the server `signal` and waits up to `limit` for it to end;
    /// `None` if it is still running then.
    #[allow(dead_code)]
    pub fn signal(&mut self, signal: i32, limit: Duration) -> Option<std::process::ExitStatus> {
        // SAFETY: kill(2) on a child this struct owns and has not reaped.
        unsafe {
            libc::kill(self.child.id() as i32, signal);
        }
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Lines the server printed so far.
    pub fn printed(&self) -> Vec<String> {
        self.log.try_iter().collect()
    }

    /// Waits (up to 20 s) for the server to print a line containing `text`;
    /// returns every line printed until then, that one last.
    #[allow(dead_code)]
    pub fn printed_until(&self, text: &str) -> Vec<String> {
        let mut lines = Vec::new();
        receive(
            &self.log,
            |line: &String| {
                lines.push(line.clone());
                line.contains(text)
            },
            &format!("the server printed no line with `{text}`"),
        );
        lines
    }

    /// Waits (up to 20 s) for the server to print a line containing `text`.
    pub fn wait_printed(&self, text: &str) -> String {
        receive(
            &self.log,
            |line| line.contains(text),
            &format!("the server printed no line with `{text}`"),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A server-sent event stream.
pub struct Events {
    rx: Receiver<(String, String)>,
}

impl Events {
    /// Drops the events already sent (a save can cause two rebuilds), once
    /// the stream has been quiet for a moment: the next `wait` is then about
    /// the next change.
    pub fn settle(&self) {
        while self.rx.recv_timeout(Duration::from_millis(400)).is_ok() {}
    }

    /// Whether no event arrives for `wait`.
    pub fn quiet(&self, wait: Duration) -> bool {
        self.rx.recv_timeout(wait).is_err()
    }

    /// Waits (up to 20 s) for an event named `name`; returns its data.
    pub fn wait(&self, name: &str) -> String {
        receive(&self.rx, |(n, _)| n == name, &format!("no `{name}` event")).1
    }
}

/// Waits (up to 20 s) for the first item of `rx` that is `wanted`, dropping
/// the others; panics with `missing` when none comes.
fn receive<T>(rx: &Receiver<T>, mut wanted: impl FnMut(&T) -> bool, missing: &str) -> T {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(item) if wanted(&item) => return item,
            Ok(_) => {}
            Err(_) => panic!("{missing} within 20 s"),
        }
    }
}
