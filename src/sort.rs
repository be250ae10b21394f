//! Sorting for the app's short lists (a few dozen items at most: search hits, causes,
//! fixes, reasons, probe samples). An insertion sort is a small fraction of the code
//! std's sorts put into the wasm for every element type sorted, and it is stable:
//! items that compare equal keep their order.

use std::cmp::Ordering;

/// Sorts `items` in place by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_std_and_keeps_equal_items_in_order(items in prop::collection::vec((0u8..8, any::<u16>()), 0..60)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = items;
            std_sorted.sort_by_key(|a| a.0); // std's stable sort
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
