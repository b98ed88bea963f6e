//! Items joined into groups (union-find with path halving): how the analyses that tie things
//! across articles gather them — quotations of the same words, the forms of one actor, the
//! facts of one slot.

/// Groups over the items `0..n`, each alone at first.
#[derive(Debug, Clone)]
pub(crate) struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    pub(crate) fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }

    /// The item that stands for `item`'s group.
    pub(crate) fn root(&mut self, mut item: usize) -> usize {
        while self.parent[item] != item {
            self.parent[item] = self.parent[self.parent[item]];
            item = self.parent[item];
        }
        item
    }

    /// Puts `a`'s group into `b`'s.
    pub(crate) fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        self.parent[a] = b;
    }

    /// The groups, each with its items in order, in the order of their first items.
    pub(crate) fn members(&mut self) -> Vec<Vec<usize>> {
        let mut index_of_root: Vec<Option<usize>> = vec![None; self.parent.len()];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for item in 0..self.parent.len() {
            let root = self.root(item);
            match index_of_root[root] {
                Some(g) => groups[g].push(item),
                None => {
                    index_of_root[root] = Some(groups.len());
                    groups.push(vec![item]);
                }
            }
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::Groups;

    #[test]
    fn joined_items_share_a_group_and_groups_come_in_the_order_of_their_first_items() {
        let mut groups = Groups::new(6);
        groups.join(4, 1);
        groups.join(5, 4);
        groups.join(3, 0);
        assert_eq!(groups.root(5), groups.root(1));
        assert_eq!(groups.members(), [vec![0, 3], vec![1, 4, 5], vec![2]]);
    }
}
