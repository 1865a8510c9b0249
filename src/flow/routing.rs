//! The screen graph: the routing model when there is one (forward edges only,
//! at most 10 branches, an entry screen, every route ending at a terminal
//! screen), otherwise the graph of `navigate` actions, checked the same way.

use super::{code, Ctx};
use crate::check::At;
use crate::text::quoted;

const MAX_BRANCHES: usize = 10;

/// Checks the routing model (or, without one, the navigate graph) of the Flow at `root`.
pub(crate) fn check<'s>(ctx: &mut Ctx<'s>, root: &At<'s>) {
    if ctx.screens.is_empty() {
        return;
    }
    match root.get("routing_model") {
        Some(model) => check_model(ctx, &model),
        None => check_navigation(ctx, root),
    }
}

fn check_model<'s>(ctx: &mut Ctx<'s>, model: &At<'s>) {
    let Some(members) = model.object(&mut ctx.checker).and_then(|m| m.node.members()) else { return };
    let count = ctx.screens.len();
    let mut edges = Graph::new(count);
    for (key, routes) in members {
        let Some(from) = ctx.screen_index(&key.name) else {
            let message = format!("routing_model names {}, which is not a screen", quoted(&key.name));
            ctx.checker.key_error(code::ROUTING_INVALID, model, key, message);
            continue;
        };
        for route in (At { node: routes }).array(&mut ctx.checker).unwrap_or_default() {
            let Some(target) = route.str(&mut ctx.checker) else { continue };
            match ctx.screen_index(target) {
                None => {
                    let message = format!("route to {}, which is not a screen", quoted(target));
                    ctx.checker.error(code::ROUTING_INVALID, &route, message);
                }
                Some(to) if to == from => {
                    ctx.checker.error(code::ROUTING_INVALID, &route, "a screen cannot route to itself");
                }
                Some(to) if edges.has(to, from) => {
                    let message = format!(
                        "{} already routes to {}; list forward routes only (going back is implicit)",
                        quoted(target),
                        quoted(&key.name)
                    );
                    ctx.checker.error(code::ROUTING_INVALID, &route, message);
                }
                Some(to) => edges.add(from, to),
            }
        }
    }
    if edges.count > MAX_BRANCHES {
        let message =
            format!("{} routes; a routing model may have at most {MAX_BRANCHES} branches", edges.count);
        ctx.checker.error(code::ROUTING_BRANCHES, model, message);
    }
    for (from, to, at) in ctx.navigations.clone() {
        if !edges.has(from, to) {
            let from_id = ctx.screens.get(from).map_or("", |s| s.id);
            let message = format!("navigate to a screen the routing_model has no route to from {from_id}");
            ctx.checker.error(code::ROUTING_INVALID, &at, message);
        }
    }
    if let Some(looped) = first_in_cycle(&edges) {
        let id = ctx.screens.get(looped).map_or("", |s| s.id);
        let message = format!("routes loop back to {}; list forward routes only", quoted(id));
        ctx.checker.error(code::ROUTING_INVALID, model, message);
    }
    check_graph(ctx, &edges, model, true);
}

fn check_navigation<'s>(ctx: &mut Ctx<'s>, root: &At<'s>) {
    let mut edges = Graph::new(ctx.screens.len());
    for &(from, to, _) in &ctx.navigations {
        edges.add(from, to);
    }
    let screens = root.get("screens").unwrap_or(*root);
    check_graph(ctx, &edges, &screens, false);
}

/// Entry screens (nothing routes to them), whether each can reach a terminal
/// screen, and screens no entry reaches. A non-terminal screen with no way
/// forward is fine (people go back from it); a Flow whose entry cannot reach
/// any terminal screen can never complete.
fn check_graph(ctx: &mut Ctx<'_>, edges: &Graph, at: &At<'_>, model: bool) {
    let count = ctx.screens.len();
    let entries: Vec<usize> =
        (0..count).filter(|&s| edges.incoming.get(s).is_none_or(Vec::is_empty)).collect();
    if entries.is_empty() {
        let message = "every screen is the target of a route: there is no entry screen";
        ctx.checker.error(code::ROUTING_ENTRY, at, message);
        return;
    }
    // With data_exchange and no model, the endpoint picks screens: the graph is not all known.
    if !model && !ctx.exchanges.is_empty() {
        return;
    }
    let mut finishes: Vec<bool> = ctx.screens.iter().map(|s| s.terminal).collect();
    let mut pending: Vec<usize> = (0..count).filter(|&s| finishes.get(s) == Some(&true)).collect();
    while let Some(screen) = pending.pop() {
        for &from in edges.incoming.get(screen).map(Vec::as_slice).unwrap_or_default() {
            if let Some(slot) = finishes.get_mut(from).filter(|done| !**done) {
                *slot = true;
                pending.push(from);
            }
        }
    }
    for &entry in &entries {
        let Some(info) = ctx.screens.get(entry) else { continue };
        if !finishes.get(entry).copied().unwrap_or(true) {
            let message = format!(
                "no route from entry screen {} reaches a terminal screen: the Flow cannot complete",
                quoted(info.id)
            );
            let screen_at = info.at;
            ctx.checker.error(code::ROUTING_DEAD_END, &screen_at, message);
        }
    }
    let reachable = reach(edges, &entries);
    for (screen, seen) in reachable.iter().enumerate() {
        let Some(info) = ctx.screens.get(screen).filter(|_| !seen) else { continue };
        let message = format!("no route reaches screen {} from an entry screen", quoted(info.id));
        let screen_at = info.at;
        ctx.checker.warning(code::SCREEN_UNREACHABLE, &screen_at, message);
    }
}

/// Routes between screens, by screen number, both ways.
struct Graph {
    outgoing: Vec<Vec<usize>>,
    incoming: Vec<Vec<usize>>,
    count: usize,
}

impl Graph {
    fn new(screens: usize) -> Self {
        Self { outgoing: vec![Vec::new(); screens], incoming: vec![Vec::new(); screens], count: 0 }
    }

    fn add(&mut self, from: usize, to: usize) {
        if let (Some(out), Some(into)) = (self.outgoing.get_mut(from), self.incoming.get_mut(to)) {
            out.push(to);
            into.push(from);
            self.count += 1;
        }
    }

    fn has(&self, from: usize, to: usize) -> bool {
        self.outgoing.get(from).is_some_and(|targets| targets.contains(&to))
    }

    fn targets(&self, from: usize) -> &[usize] {
        self.outgoing.get(from).map(Vec::as_slice).unwrap_or_default()
    }
}

/// Screens reachable from `starts`.
fn reach(edges: &Graph, starts: &[usize]) -> Vec<bool> {
    let mut seen = vec![false; edges.outgoing.len()];
    let mut pending = starts.to_vec();
    while let Some(screen) = pending.pop() {
        match seen.get_mut(screen) {
            Some(slot) if !*slot => *slot = true,
            _ => continue,
        }
        pending.extend_from_slice(edges.targets(screen));
    }
    seen
}

/// A screen on a cycle (or after one), if the routes have a cycle: what is
/// left after repeatedly removing screens nothing routes to.
fn first_in_cycle(edges: &Graph) -> Option<usize> {
    let mut inbound: Vec<usize> = edges.incoming.iter().map(Vec::len).collect();
    let mut free: Vec<usize> = (0..inbound.len()).filter(|&s| inbound.get(s) == Some(&0)).collect();
    let mut removed = vec![false; inbound.len()];
    while let Some(screen) = free.pop() {
        if let Some(slot) = removed.get_mut(screen) {
            *slot = true;
        }
        for &to in edges.targets(screen) {
            if let Some(n) = inbound.get_mut(to) {
                *n -= 1;
                if *n == 0 {
                    free.push(to);
                }
            }
        }
    }
    removed.iter().position(|done| !done)
}
