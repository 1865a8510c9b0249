//! Matching the way JavaScript's `RegExp` does (alternatives in order,
//! quantifiers greedy, backtracking): where the metadata rewrites what a
//! group captured, the position sets of the parent module are not enough.

use super::{item, items, sequences, Atom, Item, Subject};

/// Most capturing groups a format pattern may have.
pub const MAX_GROUPS: usize = 8;

/// Greedy placement with backtracking, as JavaScript's RegExp tries lengths:
/// each group takes as many digits as it can while the later groups still match.
pub(super) fn place(groups: &[(u16, u8, u8)], subject: &Subject<'_>, at: usize, ends: &mut [usize]) -> bool {
    let (Some(&(mask, min, max)), Some((end, later_ends))) = (groups.first(), ends.split_first_mut()) else {
        return true;
    };
    let run = (0..usize::from(max)).take_while(|&i| subject.digit_in(at + i, mask)).count();
    (usize::from(min)..=run).rev().any(|length| {
        *end = at + length;
        place(groups.get(1..).unwrap_or_default(), subject, at + length, later_ends)
    })
}

/// A match at the start of the input, found the way JavaScript's RegExp
/// finds one (alternatives in order, quantifiers greedy, backtracking).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrefixMatch {
    /// Length of the matched prefix.
    pub length: usize,
    /// Each capturing group's range in the input, `None` if it did not take part.
    pub groups: Vec<Option<(usize, usize)>>,
}

pub(super) fn count_captures(code: &[u8]) -> usize {
    let mut count = 0;
    for sequence in sequences(code) {
        for item in items(sequence) {
            if let Atom::Group(body, capture) = item.atom {
                count += usize::from(capture.is_some()) + count_captures(body);
            }
        }
    }
    count
}

type Groups = Vec<Option<(usize, usize)>>;
type Continuation<'k> = dyn FnMut(usize, &mut Groups) -> bool + 'k;

pub(super) fn backtrack_alternation(
    code: &[u8],
    subject: &Subject<'_>,
    at: usize,
    groups: &mut Groups,
    next: &mut Continuation<'_>,
) -> bool {
    sequences(code).any(|sequence| backtrack_sequence(sequence, subject, at, groups, next))
}

fn backtrack_sequence(
    code: &[u8],
    subject: &Subject<'_>,
    at: usize,
    groups: &mut Groups,
    next: &mut Continuation<'_>,
) -> bool {
    if code.is_empty() {
        return next(at, groups);
    }
    let (first, after) = item(code, 0);
    let rest = code.get(after..).unwrap_or_default();
    backtrack_repeat(first, 0, subject, at, groups, &mut |end, groups| {
        backtrack_sequence(rest, subject, end, groups, next)
    })
}

/// Greedy: one more repetition first, then stop (if `min` is reached).
fn backtrack_repeat(
    item: Item<'_>,
    count: u8,
    subject: &Subject<'_>,
    at: usize,
    groups: &mut Groups,
    next: &mut Continuation<'_>,
) -> bool {
    let more = count < item.max
        && backtrack_atom(item.atom, subject, at, groups, &mut |end, groups| {
            // An empty repetition cannot make progress: stop looping on it.
            (end != at || count + 1 >= item.min)
                && backtrack_repeat(item, count + 1, subject, end, groups, next)
        });
    more || (count >= item.min && next(at, groups))
}

fn backtrack_atom(
    atom: Atom<'_>,
    subject: &Subject<'_>,
    at: usize,
    groups: &mut Groups,
    next: &mut Continuation<'_>,
) -> bool {
    match atom {
        Atom::Set(mask) => subject.digit_in(at, mask) && next(at + 1, groups),
        Atom::Any => subject.digit_in(at, 0x3ff) && next(at + 1, groups),
        Atom::End => at == subject.digits.len() && next(at, groups),
        Atom::Group(body, capture) => backtrack_alternation(body, subject, at, groups, &mut |end, groups| {
            let Some(slot) = capture.and_then(|n| usize::from(n).checked_sub(1)) else {
                return next(end, groups);
            };
            let saved = groups.get(slot).copied().flatten();
            if let Some(entry) = groups.get_mut(slot) {
                *entry = Some((at, end));
            }
            next(end, groups) || {
                if let Some(entry) = groups.get_mut(slot) {
                    *entry = saved;
                }
                false
            }
        }),
    }
}
