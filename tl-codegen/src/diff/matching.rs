//! Pairing the items of two sides: by a key, then by a fallback key that
//! pairs one item of each side; and which pairs kept their order.

use std::collections::{BTreeMap, BTreeSet};

/// Pairs of indices `(old, new)`, and what is left on each side.
pub struct Matching {
    /// `(old, new)` indices of the items paired.
    pub pairs: Vec<(usize, usize)>,
    /// The old items left unpaired, in order.
    pub old_left: Vec<usize>,
    /// The new items left unpaired, in order.
    pub new_left: Vec<usize>,
}

/// Matches items by `key` first, then (among what is left) by `fallback`
/// when it pairs exactly one item of each side.
pub fn matching<T, K: Ord, F: Ord>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> K,
    fallback: impl Fn(&T) -> Option<F>,
) -> Matching {
    matching_with(old, new, key, &fallback, &fallback)
}

/// [`matching`] with a fallback key computed differently on each side.
pub fn matching_with<T, K: Ord, F: Ord>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> K,
    old_fallback: impl Fn(&T) -> Option<F>,
    new_fallback: impl Fn(&T) -> Option<F>,
) -> Matching {
    let mut by_key: BTreeMap<K, usize> = BTreeMap::new();
    for (i, item) in old.iter().enumerate() {
        by_key.entry(key(item)).or_insert(i);
    }
    let mut pairs = Vec::new();
    let mut old_used = vec![false; old.len()];
    let mut new_left = Vec::new();
    for (j, item) in new.iter().enumerate() {
        match by_key.get(&key(item)) {
            Some(&i) if !old_used[i] => {
                old_used[i] = true;
                pairs.push((i, j));
            }
            _ => new_left.push(j),
        }
    }
    let old_left: Vec<usize> = (0..old.len()).filter(|&i| !old_used[i]).collect();
    // The fallback pairs only unique candidates on both sides.
    let mut candidates: BTreeMap<F, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for &i in &old_left {
        if let Some(k) = old_fallback(&old[i]) {
            candidates.entry(k).or_default().0.push(i);
        }
    }
    for &j in &new_left {
        if let Some(k) = new_fallback(&new[j]) {
            candidates.entry(k).or_default().1.push(j);
        }
    }
    let mut late: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (olds, news) in candidates.values() {
        if let ([i], [j]) = (olds.as_slice(), news.as_slice()) {
            late.insert((*i, *j));
        }
    }
    pairs.extend(late.iter().copied());
    Matching {
        old_left: old_left
            .into_iter()
            .filter(|i| !late.iter().any(|(o, _)| o == i))
            .collect(),
        new_left: new_left
            .into_iter()
            .filter(|j| !late.iter().any(|(_, n)| n == j))
            .collect(),
        pairs,
    }
}

/// The indices (into `seq`) of one longest strictly increasing subsequence:
/// the fields that kept their relative order.
pub fn longest_increasing(seq: &[usize]) -> BTreeSet<usize> {
    // Quadratic: declarations have tens of fields.
    let mut len = vec![1usize; seq.len()];
    let mut prev = vec![usize::MAX; seq.len()];
    for i in 0..seq.len() {
        for k in 0..i {
            if seq[k] < seq[i] && len[k] + 1 > len[i] {
                len[i] = len[k] + 1;
                prev[i] = k;
            }
        }
    }
    let mut out = BTreeSet::new();
    let mut at = (0..seq.len()).max_by_key(|&i| (len[i], std::cmp::Reverse(i)));
    while let Some(i) = at {
        out.insert(i);
        at = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn fields_that_kept_their_order() {
        assert_eq!(longest_increasing(&[]).len(), 0);
        assert_eq!(longest_increasing(&[0, 1, 2]), [0, 1, 2].into());
        // `second first`: one of the two moved; the first kept is reported kept.
        assert_eq!(longest_increasing(&[1, 0]), [0].into());
        // `a c d b`: b moved (index 3 of the sequence).
        assert_eq!(longest_increasing(&[0, 2, 3, 1]), [0, 1, 2].into());
    }
}
