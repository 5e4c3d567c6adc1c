//! The host names the preview answers to.
//!
//! A web page can point a name of its own at 127.0.0.1 (DNS rebinding) and
//! then read whatever answers there as if it were its own site: the
//! preview, drafts included. The browser still names that page's host in
//! every request, so the preview answers only requests for its own names:
//! the loopback names and addresses, the address it listens on, and the
//! host of `base_url`. It must never answer a request that names another
//! host, or none, on any of its routes.

use std::net::IpAddr;

use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The names a preview answers to.
#[derive(Debug, Clone)]
pub(super) struct Hosts {
    /// The address it listens on.
    bind: IpAddr,
    /// The host of `base_url`, lower-cased, without its port.
    base_host: Option<String>,
    /// The preview's own address, for the answer to the others.
    url: String,
    /// The base path, for the same answer.
    path: String,
}

impl Hosts {
    /// The names of a preview listening on `bind` at `url`, for a site whose
    /// `base_url` is `base_url` with the path `path`.
    pub(super) fn new(bind: IpAddr, base_url: &str, url: &str, path: &str) -> Hosts {
        let authority = base_url
            .split_once("://")
            .map_or(base_url, |(_, rest)| rest)
            .split('/')
            .next()
            .unwrap_or_default();
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        Hosts {
            bind,
            base_host: split_port(authority).map(normalise),
            url: url.to_owned(),
            path: path.to_owned(),
        }
    }

    /// Whether `host` (a `Host` header's value: a name or address, with or
    /// without its port) is one of the preview's.
    pub(super) fn allows(&self, host: &str) -> bool {
        let Some(name) = split_port(host).map(normalise) else {
            return false;
        };
        if name.is_empty() {
            return false;
        }
        if name == "localhost" || name.ends_with(".localhost") {
            return true;
        }
        if let Ok(ip) = name.parse::<IpAddr>()
            && (ip.is_loopback() || ip == self.bind)
        {
            return true;
        }
        self.base_host.as_deref().is_some_and(|base| {
            match (base.parse::<IpAddr>(), name.parse::<IpAddr>()) {
                (Ok(a), Ok(b)) => a == b,
                _ => base == name,
            }
        })
    }

    /// `Ok` for a request that names one of the preview's hosts (in its
    /// `Host` header and, if it has one, in its absolute address); the
    /// answer to give it otherwise.
    pub(super) fn check(&self, req: &Request) -> Result<(), Response> {
        let mut values = req.headers().get_all(header::HOST).iter();
        let header = match (values.next(), values.next()) {
            (Some(one), None) => Some(one.to_str().unwrap_or_default()),
            (None, _) => None,
            (Some(_), Some(_)) => {
                return Err(refuse(
                    StatusCode::BAD_REQUEST,
                    "Bad request: more than one Host header.".to_owned(),
                ));
            }
        };
        let authority = req.uri().authority().map(|a| a.as_str());
        if header.is_none() && authority.is_none() {
            return Err(refuse(
                StatusCode::BAD_REQUEST,
                format!(
                    "Bad request: the request names no host (no Host header); open {}",
                    self.url
                ),
            ));
        }
        for host in header.into_iter().chain(authority) {
            let host = host.rsplit('@').next().unwrap_or(host);
            if !self.allows(host) {
                return Err(refuse(StatusCode::MISDIRECTED_REQUEST, self.why(host)));
            }
        }
        Ok(())
    }

    /// Why a request for `host` is refused, and what to do, in one line.
    fn why(&self, host: &str) -> String {
        let host: String = host.chars().filter(|c| !c.is_control()).take(200).collect();
        format!(
            "Misdirected request: this preview answers only to the names it was started for (localhost, loopback addresses, the --bind address and the host of base_url), not to `{host}`. Open {url} instead, or, to reach it by that name, set base_url to it (quorum serve --base-url http://{host}{path}).",
            url = self.url,
            path = self.path,
        )
    }
}

/// A plain-text answer of one line.
fn refuse(status: StatusCode, line: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        format!("{line}\n"),
    )
        .into_response()
}

/// The name or address of `host`, without its port; `None` when it is not
/// a host (`[::1` or `a:b:c`, a port that is not a number).
fn split_port(host: &str) -> Option<&str> {
    let port_ok = |port: &str| port.is_empty() || port.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = host.strip_prefix('[') {
        let (ip, after) = rest.split_once(']')?;
        let port = match after {
            "" => "",
            after => after.strip_prefix(':')?,
        };
        return port_ok(port).then_some(ip);
    }
    match host.split_once(':') {
        None => Some(host),
        Some((name, port)) => port_ok(port).then_some(name),
    }
}

/// A name as names are compared: lower-cased, without a final dot.
fn normalise(name: &str) -> String {
    let name = name.strip_suffix('.').unwrap_or(name);
    name.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(bind: &str, base_url: &str) -> Hosts {
        Hosts::new(
            bind.parse().unwrap(),
            base_url,
            "http://127.0.0.1:1111/m/",
            "/m/",
        )
    }

    #[test]
    fn loopback_names_bind_and_base_url_are_allowed_with_or_without_port() {
        let h = hosts("127.0.0.1", "https://Intranet.Example:8443/m/");
        for host in [
            "localhost",
            "localhost:1111",
            "LOCALHOST.",
            "a.b.localhost:80",
            "127.0.0.1",
            "127.1.2.3:9",
            "[::1]",
            "[::1]:1111",
            "[0:0:0:0:0:0:0:1]",
            "intranet.example",
            "intranet.example:1",
            "INTRANET.EXAMPLE.",
        ] {
            assert!(h.allows(host), "{host}");
        }
        for host in [
            "",
            ":1111",
            "evil.example",
            "localhost.evil.example",
            "evillocalhost",
            "intranet.example.evil",
            "127.0.0.1.nip.io",
            "10.0.0.1",
            "[::2]",
            "::1",
            "[::1",
            "localhost:x",
            "intranet.example:1:2",
        ] {
            assert!(!h.allows(host), "{host}");
        }
    }

    #[test]
    fn the_bind_address_and_an_address_as_base_url_are_allowed() {
        let h = hosts("192.168.1.5", "http://[fd00::1]/m/");
        assert!(h.allows("192.168.1.5:1111"));
        assert!(h.allows("[fd00::1]"));
        assert!(h.allows("[fd00:0::1]:80"));
        assert!(!h.allows("192.168.1.6"));
        let h = hosts("::", "http://user@preview.lan/m/");
        assert!(h.allows("preview.lan"));
        assert!(!h.allows("user"));
    }

    #[test]
    fn the_refusal_says_why_and_what_to_do() {
        let why = hosts("127.0.0.1", "http://127.0.0.1:1111/m/").why("evil.example:1111");
        assert!(why.contains("`evil.example:1111`"), "{why}");
        assert!(why.contains("Open http://127.0.0.1:1111/m/"), "{why}");
        assert!(
            why.contains("--base-url http://evil.example:1111/m/"),
            "{why}"
        );
        assert!(!why.contains('\n'));
    }
}
