//! Putting large values in an order where they are. Records are hundreds of bytes each: a
//! sorted copy, or a stable sort's scratch half, is hundreds of MiB at a million records, so
//! the order is worked out on indices and then applied by swaps.

/// Puts `v` in `order` where it is: afterwards `v[k]` is what `v[order[k]]` was. `order` is a
/// permutation of `v`'s indices; an index out of range or seen twice ends its cycle early
/// (nothing is lost, the order is then off), never panics.
pub fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut at = start;
        while let Some(seen) = done.get_mut(at) {
            if *seen {
                break;
            }
            *seen = true;
            match order.get(at) {
                Some(&next) if next != start && next < v.len() => {
                    v.swap(at, next);
                    at = next;
                }
                _ => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn applies_the_order() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e'];
        permute(&mut v, &[3, 0, 4, 1, 2]);
        assert_eq!(v, vec!['d', 'a', 'e', 'b', 'c']);
        let mut w: Vec<usize> = (0..100).collect();
        let order: Vec<usize> = (0..100).map(|i| (i * 37 + 11) % 100).collect();
        permute(&mut w, &order);
        assert_eq!(w, order);
    }

    #[test]
    fn a_bad_order_loses_nothing_and_does_not_panic() {
        for order in [vec![9, 9, 0], vec![1, 1, 1], vec![0], vec![]] {
            let mut v = vec![10, 20, 30];
            permute(&mut v, &order);
            v.sort();
            assert_eq!(v, vec![10, 20, 30]);
        }
    }
}
