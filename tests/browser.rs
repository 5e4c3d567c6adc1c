//! In a real browser: a served page reloads by itself when its file changes,
//! and shows the error overlay while the site is broken.

mod common;

use common::Site;
use common::browser::Browser;
use common::server::Server;

#[test]
fn a_served_page_reloads_on_save_and_shows_errors_in_an_overlay() {
    let Some(browser) = Browser::launch() else {
        return;
    };
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let mut tab = browser.open(&format!("{}entities/nordic-network/", server.url));
    tab.wait_for("document.body && document.body.innerText.includes('The umbrella organisation.')");
    // Wait for the live connection, then mark this page: a reload clears the mark.
    tab.wait_for(
        "performance.getEntriesByType('resource').some(e => e.name.includes('__quorum/live.js'))",
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    tab.eval("window.__quorum_mark = 1");

    site.write(
        "content/entities/nordic-network.md",
        "---\nname: Nordic Network\nkind: organization\n---\n\nThe umbrella organisation, as edited on disk.\n",
    );
    tab.wait_for("!window.__quorum_mark && document.body.innerText.includes('as edited on disk')");

    let good =
        std::fs::read_to_string(site.root.join("content/entities/nordic-network.md")).unwrap();
    site.write(
        "content/entities/nordic-network.md",
        "---\nname: [Nordic Network\n---\n",
    );
    tab.wait_for("document.getElementById('q-live-errors')");
    let overlay = tab.eval("document.getElementById('q-live-errors').innerText");
    let overlay = overlay.as_str().unwrap();
    assert!(
        overlay.contains("content/entities/nordic-network.md:2"),
        "{overlay}"
    );
    // The last good page is still shown under the overlay.
    assert_eq!(
        tab.eval("document.body.innerText.includes('as edited on disk')"),
        serde_json::json!(true)
    );

    site.write(
        "content/entities/nordic-network.md",
        &good.replace("as edited on disk", "fixed again"),
    );
    tab.wait_for("!document.getElementById('q-live-errors') && document.body.innerText.includes('fixed again')");
}
