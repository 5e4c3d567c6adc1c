//! `serve`: the live preview.
//!
//! The site is built (drafts included) into a folder of its own in the
//! system's temporary folder — never over `public/` — and served over HTTP
//! under the base URL's sub-path. A watcher rebuilds on every change; pages
//! carry a small script that listens for server-sent events and reloads after
//! each good rebuild, or shows the errors over the page after a bad one. A
//! failed rebuild keeps the last good site served; nothing the content says
//! can stop the server.
//!
//! Every request goes through one handler: it answers only requests that
//! name one of the preview's hosts ([`hosts`]), and finds the base path in
//! the request's path itself ([`base`]). No route is made from the user's
//! text.

mod base;
mod hosts;

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use futures_util::stream::{self, Stream};
use serde::Serialize;
use tokio::sync::{broadcast, watch};
use tower_http::services::{ServeDir, ServeFile};

use crate::config::Overrides;
use crate::diagnostic::Diagnostic;
use crate::incremental::{Changes, Rebuild};
use crate::output::{Mirror, MirrorReport};
use crate::pipeline::Pipeline;
use crate::stages::Error;
use crate::watch::Watcher;
use base::{BasePath, Place};
use hosts::Hosts;

/// How `serve` was asked to run.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub overrides: Overrides,
    pub bind: IpAddr,
    pub port: u16,
}

/// What the server tells whoever started it.
#[derive(Debug)]
pub enum Report<'a> {
    /// Listening at this address; `polling` says why changes are polled, if they are.
    Listening {
        url: &'a str,
        polling: Option<&'a str>,
    },
    /// A (re)build succeeded.
    Built {
        changed: &'a [PathBuf],
        rebuild: &'a Rebuild,
        mirror: &'a MirrorReport,
    },
    /// Files were saved, but no content changed: nothing was rebuilt.
    Unchanged { changed: &'a [PathBuf] },
    /// A (re)build failed: the last good site is still served.
    Failed {
        changed: &'a [PathBuf],
        diagnostics: &'a [Diagnostic],
    },
}

/// One diagnostic as the browser overlay shows it.
#[derive(Debug, Clone, Serialize)]
struct ErrorView {
    location: String,
    message: String,
    text: String,
}

#[derive(Debug, Clone, Serialize)]
struct Status {
    server: String,
    generation: u64,
    ok: bool,
    errors: Vec<ErrorView>,
}

struct App {
    /// The base path as `base_url` writes it: pages and scripts name it so.
    base: String,
    /// The same, to find in requests.
    base_path: BasePath,
    hosts: Hosts,
    dir: PathBuf,
    mirror: Arc<Mirror>,
    status: RwLock<Status>,
    built_once: RwLock<bool>,
    events: broadcast::Sender<(String, String)>,
    /// How many event streams are open: the tabs of one browser share one.
    streams: Arc<AtomicUsize>,
    /// Becomes true when the server is asked to stop: event streams, which
    /// would otherwise stay open as long as a page does, then end.
    stopping: watch::Receiver<bool>,
    /// Held by a rebuild while it writes into `dir`, and by the server as it
    /// stops, so the folder is not removed under a rebuild.
    rebuilding: std::sync::Mutex<()>,
}

const LIVE_JS: &str = include_str!("serve/live.js");

/// The script tag added to every served page (never to `quorum build` output).
fn snippet(base: &str) -> String {
    format!("<script src=\"{base}__quorum/live.js\" defer></script>")
}

/// Runs the dev server until the process is stopped. `report` is told about
/// every build; it is where the caller prints.
pub fn run(
    options: Options,
    report: impl Fn(Report<'_>) + Send + Sync + 'static,
) -> Result<(), Error> {
    raise_file_limit();
    let config = crate::stages::load_config(&options.root, &options.overrides)?;
    let base = config.base_url.path.clone();
    let listener = TcpListener::bind(SocketAddr::new(options.bind, options.port)).map_err(|e| {
        Error::Config(Box::new(
            Diagnostic::error(
                "",
                format!("cannot listen on {}:{}: {e}", options.bind, options.port),
            )
            .help("choose another port with --port, or stop the program that uses it"),
        ))
    })?;
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or(options.port);
    let host = if options.bind.is_unspecified() {
        "127.0.0.1".to_owned()
    } else {
        options.bind.to_string()
    };
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host
    };
    let url = format!("http://{host}:{port}{base}");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            Error::Config(Box::new(Diagnostic::error(
                "",
                format!("cannot start the server: {e}"),
            )))
        })?;
    // Ctrl-C, `kill` (SIGTERM) and a closed terminal (SIGHUP) all stop the
    // server the same way. They are listened for from here on: one that
    // comes during the first build stops the server as soon as it is built.
    let stop_signal = {
        let _inside = runtime.enter();
        stop_signal()
    };
    let dir = serve_dir(port);
    // The preview's folder goes however `run` ends.
    let _remove = RemoveOnDrop(dir.clone());
    let mirror = Arc::new(Mirror::new(&dir, Some(snippet(&base))).map_err(Error::Output)?);
    let mut overrides = options.overrides.clone();
    overrides.base_url = Some(url.clone());
    overrides.drafts = true;
    let mut site = Pipeline::new(&options.root, overrides);
    let (events, _) = broadcast::channel(64);
    let (stop, stopping) = watch::channel(false);
    let app = Arc::new(App {
        base: base.clone(),
        base_path: BasePath::new(&base),
        hosts: Hosts::new(options.bind, &config.base_url.url, &url, &base),
        dir: dir.clone(),
        mirror: mirror.clone(),
        status: RwLock::new(Status {
            server: format!("{}-{port}", std::process::id()),
            generation: 0,
            ok: true,
            errors: Vec::new(),
        }),
        built_once: RwLock::new(false),
        events,
        streams: Arc::new(AtomicUsize::new(0)),
        stopping,
        rebuilding: std::sync::Mutex::new(()),
    });
    let report = Arc::new(report);
    // The watch starts before the first build, so a file saved while that
    // build runs is built again.
    let ignore = vec![
        dir.clone(),
        options.root.join("public"),
        options.root.join("target"),
    ];
    let watcher = Watcher::start(&options.root, ignore)
        .map_err(|e| Error::Config(Box::new(Diagnostic::error("", e))))?;
    rebuild(&app, &mut site, &mirror, &Changes::default(), &*report);
    report(Report::Listening {
        url: &url,
        polling: watcher.polling.as_deref(),
    });
    {
        let app = app.clone();
        let report = report.clone();
        std::thread::spawn(move || watch_loop(app, site, mirror, watcher, &*report));
    }
    let server = app.clone();
    let result = runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let router = router(server);
        axum::serve(listener, router)
            .with_graceful_shutdown(async move {
                stop_signal.await;
                let _ = stop.send(true);
            })
            .await
    });
    // A rebuild under way finishes, and none starts, before the folder goes.
    let _quiet = app.rebuilding.lock().unwrap_or_else(|e| e.into_inner());
    drop(_remove);
    result.map_err(|e| {
        Error::Config(Box::new(Diagnostic::error(
            "",
            format!("the server stopped: {e}"),
        )))
    })
}

/// Removes a folder when dropped: the preview's, however the server ends.
struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Resolves when the process is asked to stop: Ctrl-C (SIGINT), and on
/// Unix `kill` (SIGTERM) or the terminal closing (SIGHUP). The handlers
/// are installed when this is called (inside the runtime), not when it is
/// first awaited.
fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let term = signal(SignalKind::terminate()).ok();
        let hup = signal(SignalKind::hangup()).ok();
        let interrupt = signal(SignalKind::interrupt()).ok();
        async move {
            let next = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = next(term) => {}
                _ = next(hup) => {}
                _ = next(interrupt) => {}
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn watch_loop(
    app: Arc<App>,
    mut site: Pipeline,
    mirror: Arc<Mirror>,
    mut watcher: Watcher,
    report: &dyn Fn(Report<'_>),
) {
    while let Some(changes) = watcher.next_batch() {
        let _writing = app.rebuilding.lock().unwrap_or_else(|e| e.into_inner());
        if *app.stopping.borrow() {
            return;
        }
        rebuild(&app, &mut site, &mirror, &changes, report);
    }
}

/// One rebuild: on success the mirror is updated and pages reload; on failure
/// the mirror keeps the last good site and pages show the errors.
fn rebuild(
    app: &App,
    site: &mut Pipeline,
    mirror: &Mirror,
    changes: &Changes,
    report: &dyn Fn(Report<'_>),
) {
    let result = site.rebuild(changes, mirror).and_then(|r| match r {
        Some(r) => mirror.commit().map(|m| Some((r, m))).map_err(Error::Output),
        None => Ok(None),
    });
    let mut status = app.status.write().unwrap_or_else(|e| e.into_inner());
    match result {
        Ok(None) => report(Report::Unchanged {
            changed: &changes.paths,
        }),
        Ok(Some((rebuild, written))) => {
            *app.built_once.write().unwrap_or_else(|e| e.into_inner()) = true;
            status.generation += 1;
            status.ok = true;
            status.errors.clear();
            report(Report::Built {
                changed: &changes.paths,
                rebuild: &rebuild,
                mirror: &written,
            });
            let _ = app
                .events
                .send(("reload".into(), status.generation.to_string()));
        }
        Err(e) => {
            mirror.discard();
            let diagnostics = match e {
                Error::Content(ds) => ds,
                Error::Config(d) => vec![*d],
                Error::Output(o) => vec![Diagnostic::error("", o.to_string())],
                Error::Found(_) => Vec::new(),
            };
            status.ok = false;
            status.errors = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| ErrorView {
                    location: d.location(),
                    message: d.message.clone(),
                    text: d.render(false),
                })
                .collect();
            report(Report::Failed {
                changed: &changes.paths,
                diagnostics: &diagnostics,
            });
            let data = serde_json::to_string(&*status).unwrap_or_default();
            let _ = app.events.send(("failed".into(), data));
        }
    }
}

fn router(app: Arc<App>) -> Router {
    Router::new().fallback(answer).with_state(app)
}

/// Every request: refused unless it names one of the preview's hosts, then
/// the live-reload script, its events, or a file of the site.
async fn answer(State(app): State<Arc<App>>, req: Request) -> Response {
    if let Err(refused) = app.hosts.check(&req) {
        return refused;
    }
    let path = req.uri().path().to_owned();
    let rest = match app.base_path.locate(&path) {
        Place::Below(rest) => rest.to_owned(),
        Place::Bare => return Redirect::permanent(&app.base_path.ascii).into_response(),
        Place::Outside => {
            return (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                format!("Not found: the site is served under {}\n", app.base),
            )
                .into_response();
        }
    };
    let own = matches!(rest.as_str(), "__quorum/live.js" | "__quorum/events");
    if own && !matches!(*req.method(), Method::GET | Method::HEAD) {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    match rest.as_str() {
        "__quorum/live.js" => live_js(&app),
        "__quorum/events" => events(&app),
        _ => files(&app, req, &rest).await,
    }
}

fn live_js(app: &App) -> Response {
    let body = LIVE_JS.replace("__BASE__", &app.base);
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// Counts an open event stream for as long as it lives.
struct Open(Arc<AtomicUsize>);

impl Drop for Open {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The event stream: `hello` with the status, then `reload` and `failed` as
/// rebuilds end. `X-Quorum-Streams` says how many are open, this one included.
fn events(app: &App) -> Response {
    let open = Open(app.streams.clone());
    let count = open.0.fetch_add(1, Ordering::Relaxed) + 1;
    let sse = Sse::new(stream_events(app, open))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)));
    ([("x-quorum-streams", count.to_string())], sse).into_response()
}

fn stream_events(app: &App, open: Open) -> impl Stream<Item = Result<Event, Infallible>> + use<> {
    let hello = {
        let status = app.status.read().unwrap_or_else(|e| e.into_inner());
        serde_json::to_string(&*status).unwrap_or_default()
    };
    let rx = app.events.subscribe();
    let stopping = app.stopping.clone();
    let first = stream::once(async move { Ok(Event::default().event("hello").data(hello)) });
    let rest = stream::unfold(
        (rx, stopping, open),
        |(mut rx, mut stopping, open)| async move {
            loop {
                let received = tokio::select! {
                    received = rx.recv() => received,
                    _ = stopping.wait_for(|stop| *stop) => return None,
                };
                match received {
                    Ok((name, data)) => {
                        let event = Event::default().event(name).data(data);
                        return Some((Ok(event), (rx, stopping, open)));
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        },
    );
    futures_util::StreamExt::chain(first, rest)
}

/// Serves the mirror's file at `rest` (below the base path, as the request
/// wrote it); a page that explains the errors before the first good build.
async fn files(app: &App, req: Request, rest: &str) -> Response {
    let base = app.base.as_str();
    if !*app.built_once.read().unwrap_or_else(|e| e.into_inner()) {
        let page = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>The site has errors</title></head><body><main><h1>The site could not be built yet</h1><p>Fix the errors shown; this page reloads by itself.</p></main>{}</body></html>",
            snippet(base)
        );
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            page,
        )
            .into_response();
    }
    // Validators come from the files' contents: modification times have a
    // resolution of a second, too coarse for pages saved twice in a second.
    let etag = ["", "index.html", "/index.html"]
        .iter()
        .find_map(|suffix| app.mirror.hash_of(&format!("{rest}{suffix}")))
        .map(|h| format!("\"{h:016x}\""));
    if let Some(tag) = &etag {
        let matches = req
            .headers()
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
        if matches {
            return (StatusCode::NOT_MODIFIED, [(header::ETAG, tag.clone())]).into_response();
        }
    }
    let query = req
        .uri()
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    let (mut parts, body) = req.into_parts();
    parts.headers.remove(header::IF_MODIFIED_SINCE);
    parts.uri = match format!("/{rest}{query}").parse::<Uri>() {
        Ok(u) => u,
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    let req = Request::from_parts(parts, body);
    let mut service =
        ServeDir::new(&app.dir).not_found_service(ServeFile::new(app.dir.join("404.html")));
    let mut response = match service.try_call(req).await {
        Ok(r) => r.map(Body::new),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    // ServeDir redirects `/x` to `/x/` without knowing the base path.
    if response.status().is_redirection()
        && let Some(location) = response
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
        && let Some(stripped) = location.strip_prefix('/')
        && let Ok(v) =
            HeaderValue::from_str(&format!("{}{}", app.base_path.ascii, base::ascii(stripped)))
    {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response.headers_mut().remove(header::LAST_MODIFIED);
    if let Some(v) = etag
        .filter(|_| response.status() == StatusCode::OK)
        .and_then(|t| HeaderValue::from_str(&t).ok())
    {
        response.headers_mut().insert(header::ETAG, v);
    }
    response
}

/// Every open connection and every page listening for reloads holds a file
/// descriptor: raise the soft limit to the hard one, so a busy preview (a few
/// hundred tabs, a thousand connections) does not run out.
fn raise_file_limit() {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit and setrlimit only read and write the struct passed.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0
                && limit.rlim_cur < limit.rlim_max
            {
                limit.rlim_cur = limit.rlim_max.min(65_536);
                libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
            }
        }
    }
}

/// The folder `serve` builds into, for a server on `port` of this process.
pub fn serve_dir(port: u16) -> PathBuf {
    std::env::temp_dir().join(format!("quorum-serve-{}-{port}", std::process::id()))
}
