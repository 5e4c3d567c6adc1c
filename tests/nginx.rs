//! Published the way docs/publishing.md says: a build under `/minutes/`
//! served by a real nginx on loopback, crawled from the home page — every
//! link and asset answers, nothing is a 404.
//!
//! Needs nginx (Debian's `nginx-light` or `nginx`); skipped with a note when
//! it is missing, unless `QUORUM_REQUIRE_NGINX=1` (set by `.ci/run`).

mod common;

use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Site;
use scraper::{Html, Selector};

fn find_nginx() -> Option<PathBuf> {
    ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

struct Nginx {
    child: Child,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// nginx serving `public` under `/minutes/`, configured as in docs/publishing.md.
fn start_nginx(binary: &Path, prefix: &Path, public: &Path, port: u16) -> Nginx {
    for dir in ["logs", "tmp"] {
        std::fs::create_dir_all(prefix.join(dir)).unwrap();
    }
    let mime = if Path::new("/etc/nginx/mime.types").is_file() {
        "include /etc/nginx/mime.types;"
    } else {
        ""
    };
    let conf = format!(
        r#"worker_processes 1;
daemon off;
error_log {prefix}/logs/error.log;
pid {prefix}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    {mime}
    types {{ text/calendar ics; text/csv csv; application/json json; }}
    charset utf-8;
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        location = /minutes {{ return 301 /minutes/; }}
        location /minutes/ {{
            alias {public}/;
            index index.html;
            error_page 404 /minutes/404.html;
        }}
        location ~ /\. {{ deny all; }}
    }}
}}
"#,
        prefix = prefix.display(),
        public = public.display(),
    );
    let conf_path = prefix.join("nginx.conf");
    std::fs::write(&conf_path, conf).unwrap();
    let child = Command::new(binary)
        .arg("-p")
        .arg(prefix)
        .arg("-c")
        .arg(&conf_path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nginx starts");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "nginx did not start: see {}/logs/error.log",
            prefix.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Nginx { child }
}

#[test]
fn a_build_under_a_sub_path_served_by_nginx_has_no_broken_link() {
    let Some(nginx) = find_nginx() else {
        assert!(
            std::env::var("QUORUM_REQUIRE_NGINX").as_deref() != Ok("1"),
            "QUORUM_REQUIRE_NGINX=1 but nginx is missing"
        );
        eprintln!("skipped: nginx is not installed (Debian: apt install nginx-light)");
        return;
    };
    let port = free_port();
    let mut site = Site::fixture("tricky");
    site.overrides.base_url = Some(format!("http://127.0.0.1:{port}/minutes/"));
    let built = site.build();
    let prefix = site.root.join("nginx");
    let _server = start_nginx(&nginx, &prefix, &built.out, port);

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let origin = format!("http://127.0.0.1:{port}");
    let linked = Selector::parse("a[href], link[href], img[src], script[src]").unwrap();
    let mut queue: VecDeque<String> = VecDeque::from([format!("{origin}/minutes/")]);
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut broken = Vec::new();
    let mut pages = 0;
    while let Some(url) = queue.pop_front() {
        let response = agent
            .get(&url)
            .call()
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        let status = response.status().as_u16();
        let html = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html"));
        let body = response.into_body().read_to_string().unwrap_or_default();
        if status != 200 {
            broken.push(format!("{url}: HTTP {status}"));
            continue;
        }
        if !html {
            continue;
        }
        pages += 1;
        let doc = Html::parse_document(&body);
        for e in doc.select(&linked) {
            let href = e.value().attr("href").or(e.value().attr("src")).unwrap();
            let Some(next) = absolute(&url, href, &origin) else {
                continue;
            };
            if seen.insert(next.clone()) {
                queue.push_back(next);
            }
        }
    }
    assert!(broken.is_empty(), "broken:\n{}", broken.join("\n"));
    assert!(pages > 15, "only {pages} pages were reached");
    for must in ["feed.xml", "calendar.ics", "assets/quorum.css"] {
        assert!(
            seen.iter().any(|u| u.ends_with(must)),
            "{must} is never linked"
        );
    }
    // The not-found page answers 404 with quorum's page, and the marker stays hidden.
    let missing = agent
        .get(&format!("{origin}/minutes/no/such/page/"))
        .call()
        .unwrap();
    assert_eq!(missing.status().as_u16(), 404);
    assert!(
        missing
            .into_body()
            .read_to_string()
            .unwrap()
            .contains("Page not found")
    );
    let marker = agent
        .get(&format!("{origin}/minutes/{}", quorum::output::MARKER))
        .call()
        .unwrap();
    assert_eq!(marker.status().as_u16(), 403);
    let redirect = agent.get(&format!("{origin}/minutes")).call().unwrap();
    assert_eq!(redirect.status().as_u16(), 301);
}

/// The absolute URL of `href` on page `base`, if it is on this server (fragments dropped).
fn absolute(base: &str, href: &str, origin: &str) -> Option<String> {
    let href = href.split('#').next().unwrap_or("");
    if href.is_empty() || href.starts_with("mailto:") {
        return None;
    }
    if href.starts_with("http://") || href.starts_with("https://") {
        return href.starts_with(origin).then(|| href.to_owned());
    }
    if href.starts_with("//") {
        return None;
    }
    if href.starts_with('/') {
        return Some(format!("{origin}{href}"));
    }
    let dir = &base[..base.rfind('/').unwrap() + 1];
    let mut parts: Vec<&str> = dir
        .trim_start_matches(origin)
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    let trailing = if href.ends_with('/') { "/" } else { "" };
    Some(format!("{origin}/{}{trailing}", parts.join("/")))
}
