//! Repeats and lookups among names, in n log n for any size: one sort
//! routine shared by every caller (each distinct sort costs kilobytes of .wasm).

/// For `count` texts (`text(i)`): for each that repeats an earlier one, the
/// position of its first occurrence. Positions are sorted by text so repeats
/// become neighbours — n log n for any size — in one sort routine shared by
/// every caller (each distinct sort costs kilobytes of .wasm).
pub fn first_occurrences<'t>(count: usize, text: &dyn Fn(usize) -> &'t str) -> Vec<Option<usize>> {
    // Most objects are small: comparing pairs beats sorting them.
    if count <= 16 {
        return (0..count).map(|later| (0..later).find(|&earlier| text(earlier) == text(later))).collect();
    }
    let order = sorted_positions(count, text);
    let mut first_of = vec![None; count];
    let mut group_start = None;
    for (rank, &position) in order.iter().enumerate() {
        let continues =
            rank > 0 && order.get(rank - 1).is_some_and(|&previous| text(previous) == text(position));
        if continues {
            if let Some(slot) = first_of.get_mut(position) {
                *slot = group_start;
            }
        } else {
            group_start = Some(position);
        }
    }
    first_of
}

/// Positions `0..count` ordered by `text(position)`, then by position: the
/// one sort routine of the crate.
fn sorted_positions<'t>(count: usize, text: &dyn Fn(usize) -> &'t str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_unstable_by(|&a, &b| text(a).cmp(text(b)).then(a.cmp(&b)));
    order
}

/// Names found by binary search (so lookups stay n log n on hostile input).
#[derive(Debug, Default)]
pub struct NameIndex {
    order: Vec<usize>,
}

impl NameIndex {
    /// Indexes the names `text(0)`, …, `text(count - 1)`.
    pub fn new<'t>(count: usize, text: &dyn Fn(usize) -> &'t str) -> Self {
        Self { order: sorted_positions(count, text) }
    }

    /// The first position whose name is `name`; `text` must be the one given to `new`.
    pub fn find<'t>(&self, name: &str, text: &dyn Fn(usize) -> &'t str) -> Option<usize> {
        let at = self.order.partition_point(|&position| text(position) < name);
        self.order.get(at).copied().filter(|&position| text(position) == name)
    }
}
