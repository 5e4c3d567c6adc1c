//! Relationship maps: nodes on concentric rings, laid out at build time.
//!
//! A map is a [`Graph`] of linked nodes (entities and topics) and weighted
//! edges, placed by [`layout`]: an optional centre node, then rings of nodes
//! in the order given (callers sort by weight, then name), each ring evenly
//! spaced from the top, clockwise. A ring may be ordered by its neighbours
//! ([`order_by_inner`]): each node goes where the nodes it is linked to on
//! the rings inside it are, which keeps edges short and few of them crossing.
//!
//! Layouts are computed, never searched: no randomness, no iteration to
//! convergence, so the same graph gives the same picture on every machine.
//! Colours come from classes (`q-map__node--person`, …) that the theme's CSS
//! styles for light, dark and print; shapes say the kind without colour
//! (topics are squares, entities circles). Every node is a link with a
//! `<title>`; nothing is written unescaped (see [`Svg`]). A label takes up
//! to a few lines ([`Labels`]), broken between words ([`label_lines`]), so
//! that a name is cut only when they cannot hold it (its full name stays in
//! the node's `<title>`); the key lists the kinds of node on the map and no
//! other ([`key`]).

use std::collections::BTreeSet;
use std::f64::consts::{FRAC_PI_2, TAU};

use super::svg::{Svg, V, ellipsize};
use super::{Swatch, key_of, swatch};

/// A page on the map.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// The name shown (cut to fit).
    pub label: String,
    /// The tooltip: full name and why it is on the map.
    pub title: String,
    /// `topic`, or the entity's kind (`person`, `organization`, …).
    pub kind: &'static str,
    pub href: String,
    /// Its importance: the size of its mark.
    pub weight: f64,
}

/// A link between two nodes, by index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Edge {
    pub a: usize,
    pub b: usize,
    pub weight: f64,
    /// Drawn lighter: a link between two neighbours rather than to the centre.
    pub weak: bool,
}

/// What a map shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Where a map's nodes go.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    pub width: f64,
    pub height: f64,
    /// The centre node, if any.
    pub centre: Option<usize>,
    /// Node positions, by node index.
    pub at: Vec<(f64, f64)>,
    /// The ring of each node (0: the centre).
    pub ring: Vec<usize>,
    /// How long and how many the lines of a label may be.
    pub labels: Labels,
}

/// The room a node's label has: lines of up to `chars` characters, and up
/// to `lines` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Labels {
    pub chars: usize,
    pub lines: usize,
}

/// Where the first of several rings is, as a share of the outer one: far
/// enough out that its labels do not crowd the centre.
const INNER: f64 = 0.55;

/// Room kept around the outer ring: above it for the marks, below it for
/// the marks and the lines of a label ([`margin_bottom`]); on either side,
/// half the longest line ([`margin_x`]).
const MARGIN_TOP: f64 = 24.0;
/// The distance between the lines of a label.
const LINE: f64 = 12.5;

/// Every entry of a map's key, in its order, by the kind of node it stands
/// for.
pub(crate) const SWATCHES: [(&str, Swatch); 6] = [
    (
        "topic",
        swatch("square", "q-map__key--topic", "topic", "key_topic"),
    ),
    (
        "organization",
        swatch(
            "circle",
            "q-map__key--organization",
            "organisation",
            "key_organisation",
        ),
    ),
    (
        "body",
        swatch("circle", "q-map__key--body", "body", "key_body"),
    ),
    (
        "person",
        swatch("circle", "q-map__key--person", "person", "key_person"),
    ),
    (
        "country",
        swatch("circle", "q-map__key--country", "country", "key_country"),
    ),
    (
        "other",
        swatch("circle", "q-map__key--other", "other", "key_other"),
    ),
];

/// The key of `graph`: an entry for each kind of node on it, the centre
/// included, in the order of [`SWATCHES`].
pub(crate) fn key(graph: &Graph) -> Vec<Swatch> {
    let used: BTreeSet<usize> = graph
        .nodes
        .iter()
        .map(|n| {
            SWATCHES
                .iter()
                .position(|(kind, _)| *kind == n.kind)
                .unwrap_or(SWATCHES.len() - 1)
        })
        .collect();
    let all: Vec<Swatch> = SWATCHES.iter().map(|(_, s)| *s).collect();
    key_of(&all, &used)
}

/// The room on either side of the outer ring for labels of `label`
/// characters a line (about 6.8 units a character at the maps' size).
fn margin_x(label: usize) -> f64 {
    3.4 * label as f64 + 8.0
}

/// The room below the outer ring for its marks and `lines` lines of label.
fn margin_bottom(lines: usize) -> f64 {
    25.0 + LINE * lines as f64
}

/// `text` on as few lines of at most `max` characters as hold it, up to
/// `lines` of them, broken between words so that the longest line is as
/// short as it can be. What does not fit is cut with `…` on the last line,
/// as is a word longer than a line (and all that follows it).
pub(crate) fn label_lines(text: &str, max: usize, lines: usize) -> Vec<String> {
    let text = text.trim();
    let len = |s: &str| s.chars().count();
    if len(text) <= max || lines <= 1 {
        return vec![ellipsize(text, max)];
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let longest = words.iter().map(|w| len(w)).max().unwrap_or(0);
    for count in 2..=lines {
        for width in longest..=max {
            let wrapped = wrap(&words, width);
            if wrapped.len() <= count {
                return wrapped;
            }
        }
    }
    // Too long for the lines there are: fill them, and cut the last.
    let mut out = Vec::new();
    let mut rest: &[&str] = &words;
    while !rest.is_empty() {
        let line = wrap(rest, max).into_iter().next().unwrap_or_default();
        let taken = line.split(' ').count();
        if out.len() + 1 == lines || len(rest[0]) > max {
            out.push(ellipsize(&rest.join(" "), max));
            break;
        }
        out.push(line);
        rest = &rest[taken..];
    }
    out
}

/// `words` greedily on lines of at most `width` characters (a longer word
/// on a line of its own).
fn wrap(words: &[&str], width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + w.chars().count() <= width => {
                line.push(' ');
                line.push_str(w);
            }
            _ => out.push((*w).to_owned()),
        }
    }
    out
}

/// The angle of position `i` of `n` on a ring, from the top, clockwise;
/// `half` shifts by half a step (so two rings do not line up).
fn angle(i: usize, n: usize, half: bool) -> f64 {
    let shift = if half { 0.5 } else { 0.0 };
    -FRAC_PI_2 + TAU * (i as f64 + shift) / n.max(1) as f64
}

/// Places `centre` in the middle and each ring's nodes evenly around it:
/// the outer ring at the edge of the room there is, the first at
/// [`INNER`] of it, the others evenly between.
pub(crate) fn layout(
    nodes: usize,
    centre: Option<usize>,
    rings: &[Vec<usize>],
    width: f64,
    height: f64,
    labels: Labels,
) -> Layout {
    let ry = (height - MARGIN_TOP - margin_bottom(labels.lines)) / 2.0;
    let (cx, cy) = (width / 2.0, MARGIN_TOP + ry);
    let rx = cx - margin_x(labels.chars);
    let mut at = vec![(cx, cy); nodes];
    let mut ring = vec![0; nodes];
    for (r, list) in rings.iter().enumerate() {
        let f = match rings.len() {
            1 => 1.0,
            k => INNER + (1.0 - INNER) * r as f64 / (k - 1) as f64,
        };
        for (i, &n) in list.iter().enumerate() {
            let a = angle(i, list.len(), r % 2 == 1);
            at[n] = (cx + f * rx * a.cos(), cy + f * ry * a.sin());
            ring[n] = r + 1;
        }
    }
    Layout {
        width,
        height,
        centre,
        at,
        ring,
        labels,
    }
}

/// Orders `outer` by where the nodes it is linked to sit on `inner` (laid
/// out as [`layout`] places a ring that is not shifted):
/// each node by the weighted mean direction of its links, nodes without
/// links last; ties keep the given order.
pub(crate) fn order_by_inner(graph: &Graph, inner: &[usize], outer: &mut Vec<usize>) {
    let mut direction = vec![None; graph.nodes.len()];
    for (i, &n) in inner.iter().enumerate() {
        direction[n] = Some(angle(i, inner.len(), false));
    }
    let mut keyed: Vec<(f64, usize, usize)> = outer
        .iter()
        .enumerate()
        .map(|(pos, &n)| {
            let (mut x, mut y) = (0.0, 0.0);
            for e in &graph.edges {
                let other = match (e.a == n, e.b == n) {
                    (true, _) => e.b,
                    (_, true) => e.a,
                    _ => continue,
                };
                if let Some(a) = direction[other] {
                    x += e.weight * a.cos();
                    y += e.weight * a.sin();
                }
            }
            let key = if x == 0.0 && y == 0.0 {
                f64::INFINITY
            } else {
                let a = y.atan2(x);
                if a < -FRAC_PI_2 { a + TAU } else { a }
            };
            (key, pos, n)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    *outer = keyed.into_iter().map(|(_, _, n)| n).collect();
}

/// Draws `graph` as laid out; `name` says what the map is of.
pub(crate) fn draw(graph: &Graph, layout: &Layout, class: &str, name: &str) -> String {
    let mut svg = Svg::new(layout.width, layout.height, class, name);
    let most_edge = graph.edges.iter().map(|e| e.weight).fold(1.0, f64::max);
    let most_node = graph
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != layout.centre)
        .map(|(_, n)| n.weight)
        .fold(1.0, f64::max);
    svg.open("g", &[("class", V::S("q-map__edges"))]);
    for e in &graph.edges {
        let ((x1, y1), (x2, y2)) = (layout.at[e.a], layout.at[e.b]);
        let class = if e.weak {
            "q-map__edge q-map__edge--weak"
        } else {
            "q-map__edge"
        };
        svg.empty(
            "line",
            &[
                ("class", V::S(class)),
                ("x1", V::N(x1)),
                ("y1", V::N(y1)),
                ("x2", V::N(x2)),
                ("y2", V::N(y2)),
                ("stroke-width", V::N(0.75 + 3.0 * e.weight / most_edge)),
            ],
        );
    }
    svg.close();
    // Outer rings first, so the inner nodes' labels are drawn on top.
    let mut order: Vec<usize> = (0..graph.nodes.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(layout.ring[i]), i));
    for i in order {
        let n = &graph.nodes[i];
        let centre = Some(i) == layout.centre;
        let r = if centre {
            15.0
        } else {
            5.0 + 9.0 * (n.weight.max(0.0) / most_node).sqrt()
        };
        node(&mut svg, n, layout.at[i], r, centre, layout.labels);
    }
    svg.finish()
}

fn node(svg: &mut Svg, n: &Node, (x, y): (f64, f64), r: f64, centre: bool, labels: Labels) {
    let class = format!(
        "q-map__node q-map__node--{}{}",
        n.kind,
        if centre { " q-map__node--centre" } else { "" }
    );
    svg.link(&n.href, &class, &n.title);
    if n.kind == "topic" {
        let side = r * 1.8;
        svg.empty(
            "rect",
            &[
                ("x", V::N(x - side / 2.0)),
                ("y", V::N(y - side / 2.0)),
                ("width", V::N(side)),
                ("height", V::N(side)),
                ("rx", V::N(2.5)),
            ],
        );
    } else {
        svg.empty(
            "circle",
            &[("cx", V::N(x)), ("cy", V::N(y)), ("r", V::N(r))],
        );
    }
    let chars = labels.chars + if centre { 4 } else { 0 };
    let lines = label_lines(&n.label, chars, labels.lines);
    for (i, line) in lines.iter().enumerate() {
        svg.text(
            "text",
            &[
                ("x", V::N(x)),
                ("y", V::N(y + r + 12.0 + LINE * i as f64)),
                ("text-anchor", V::S("middle")),
            ],
            line,
        );
    }
    svg.close();
}

/// Splits nodes `1..n` (in order) into rings around node 0: `first` nodes,
/// then twice as many on each next ring.
pub(crate) fn rings_around(n: usize, first: usize) -> Vec<Vec<usize>> {
    let mut rings = Vec::new();
    let mut next = 1;
    let mut size = first;
    while next < n {
        let end = (next + size).min(n);
        rings.push((next..end).collect());
        next = end;
        size *= 2;
    }
    rings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::svg::tests::elements;

    fn graph(n: usize) -> Graph {
        Graph {
            nodes: (0..n)
                .map(|i| Node {
                    label: format!("Node <{i}> & a very long name indeed"),
                    title: format!("Node {i}"),
                    kind: if i % 3 == 0 { "topic" } else { "person" },
                    href: format!("/x/{i}/"),
                    weight: (n - i) as f64,
                })
                .collect(),
            edges: (1..n)
                .map(|i| Edge {
                    a: 0,
                    b: i,
                    weight: i as f64,
                    weak: false,
                })
                .collect(),
        }
    }

    #[test]
    fn rings_fill_inside_out() {
        assert_eq!(rings_around(1, 8), Vec::<Vec<usize>>::new());
        assert_eq!(rings_around(4, 8), vec![vec![1, 2, 3]]);
        let r = rings_around(30, 8);
        assert_eq!(r.iter().map(Vec::len).collect::<Vec<_>>(), [8, 16, 5]);
        assert_eq!(r[1][0], 9);
    }

    #[test]
    fn the_layout_is_fixed_and_inside_the_picture() {
        let g = graph(20);
        let rings = rings_around(20, 8);
        let labels = Labels {
            chars: 18,
            lines: 2,
        };
        let a = layout(20, Some(0), &rings, 720.0, 420.0, labels);
        let b = layout(20, Some(0), &rings, 720.0, 420.0, labels);
        assert_eq!(a, b);
        // The centre is in the middle of the room the rings have: more of
        // it below them, for the labels.
        assert_eq!(a.at[0], (360.0, 197.0));
        // The first node of the first ring is straight above the centre.
        assert!((a.at[1].0 - 360.0).abs() < 1e-9 && a.at[1].1 < 197.0);
        for &(x, y) in &a.at {
            assert!((24.0..=696.0).contains(&x) && (24.0..=370.0).contains(&y));
        }
        let svg = draw(&g, &a, "q-map", "Map of <it>");
        assert_eq!(svg, draw(&g, &b, "q-map", "Map of <it>"));
        let names = elements(&svg);
        assert_eq!(names.iter().filter(|n| *n == "a").count(), 20);
        assert_eq!(names.iter().filter(|n| *n == "line").count(), 19);
        assert_eq!(names.iter().filter(|n| *n == "rect").count(), 7);
        // "Node <1> & a very long name indeed": two lines of 18 at most.
        assert!(svg.contains(">Node &lt;1&gt; &amp; a very<"), "{svg}");
        assert!(svg.contains(">long name indeed<"), "{svg}");
        assert!(!svg.contains("<1>"));
    }

    #[test]
    fn labels_take_more_lines_before_they_are_cut() {
        assert_eq!(label_lines("  ESCAP ", 12, 3), ["ESCAP"]);
        assert_eq!(
            label_lines("José Antonio Ocampo", 16, 3),
            ["José Antonio", "Ocampo"]
        );
        // As few lines as hold it, the longest of them as short as it can be.
        assert_eq!(
            label_lines("Governance of the UN system", 16, 3),
            ["Governance of", "the UN system"]
        );
        assert_eq!(
            label_lines("Global forum on migration and development", 20, 3),
            ["Global forum on", "migration and", "development"]
        );
        assert_eq!(
            label_lines("Lumen Infrastructure Company", 16, 3),
            ["Lumen", "Infrastructure", "Company"]
        );
        // More than the lines hold: the last is cut.
        assert_eq!(
            label_lines("International migration and development", 20, 2),
            ["International", "migration and devel…"]
        );
        assert_eq!(
            label_lines("Cooperation with the Bretton Woods institutions", 12, 3),
            ["Cooperation", "with the", "Bretton Woo…"]
        );
        // One line: cut there.
        assert_eq!(label_lines("José Antonio Ocampo", 12, 1), ["José Antoni…"]);
        // A word longer than a line is cut, with all that follows it.
        assert_eq!(
            label_lines("Interdepartmentalcoordination of units", 12, 3),
            ["Interdepart…"]
        );
        assert_eq!(
            label_lines("Unit for Interdepartmentalcoordination", 12, 3),
            ["Unit for", "Interdepart…"]
        );
        // Never a line longer than asked, nor more lines.
        for text in [
            "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z",
            "Supercalifragilistic",
            "Économie et développement régional durable des territoires",
        ] {
            for (max, lines) in [(6, 1), (10, 2), (12, 3), (20, 3)] {
                let out = label_lines(text, max, lines);
                assert!(out.len() <= lines && !out.is_empty(), "{out:?}");
                assert!(out.iter().all(|l| l.chars().count() <= max), "{out:?}");
                assert!(
                    out.iter().all(|l| !l.is_empty() && l.trim() == l),
                    "{out:?}"
                );
            }
        }
    }

    #[test]
    fn the_key_lists_the_kinds_on_the_map_in_order() {
        let mut g = graph(4);
        let kinds = ["person", "topic", "country", "person"];
        for (n, kind) in g.nodes.iter_mut().zip(kinds) {
            n.kind = kind;
        }
        let labels = |g: &Graph| key(g).iter().map(|k| k.label).collect::<Vec<_>>();
        assert_eq!(labels(&g), ["topic", "person", "country"]);
        // A kind the key has no entry for counts as other; an empty map has
        // an empty key.
        g.nodes[2].kind = "page";
        assert_eq!(labels(&g), ["topic", "person", "other"]);
        assert_eq!(key(&Graph::default()), []);
        let k = key(&g);
        assert_eq!((k[0].shape, k[0].class), ("square", "q-map__key--topic"));
        assert_eq!((k[2].shape, k[2].class), ("circle", "q-map__key--other"));
    }

    #[test]
    fn outer_nodes_go_where_their_links_are() {
        // Inner ring: 0 at the top, 1 at the bottom; 2 links to the bottom,
        // 3 to the top, 4 to nothing.
        let mut g = graph(5);
        g.edges = vec![
            Edge {
                a: 2,
                b: 1,
                weight: 1.0,
                weak: false,
            },
            Edge {
                a: 0,
                b: 3,
                weight: 1.0,
                weak: false,
            },
        ];
        let mut outer = vec![4, 2, 3];
        order_by_inner(&g, &[0, 1], &mut outer);
        assert_eq!(outer, [3, 2, 4]);
    }
}
