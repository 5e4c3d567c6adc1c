//! Typed references between the nodes of the graph.
//!
//! A meeting names its chair by [`EntityId`], an action its meeting by
//! [`MeetingId`]: each id indexes only the list of its own kind
//! (`site.meetings[id]`), so a topic's number cannot be read as an entity's.
//! [`with_ids`] walks a list with the ids of its nodes; [`PerId`] holds a
//! value for each node of a kind, found by the node's id.

use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

/// The id of a node of one kind: its position in the [`super::Site`]'s list
/// of that kind.
pub trait Id: Copy + Ord + std::hash::Hash {
    /// The id of the node at `position`.
    fn new(position: usize) -> Self;
    /// Its position in its list.
    fn index(self) -> usize;
}

/// A plain position: for what works on any kind of id.
impl Id for usize {
    fn new(position: usize) -> Self {
        position
    }
    fn index(self) -> usize {
        self
    }
}

/// A node of the graph, found by its own kind of id.
pub trait Node {
    type Id: Id;
}

macro_rules! ids {
    ($($(#[$doc:meta])* $id:ident => $node:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $id(usize);

        impl Id for $id {
            fn new(position: usize) -> Self {
                $id(position)
            }
            fn index(self) -> usize {
                self.0
            }
        }

        impl Node for super::$node {
            type Id = $id;
        }

        impl Index<$id> for [super::$node] {
            type Output = super::$node;
            fn index(&self, id: $id) -> &super::$node {
                &self[id.0]
            }
        }

        impl IndexMut<$id> for [super::$node] {
            fn index_mut(&mut self, id: $id) -> &mut super::$node {
                &mut self[id.0]
            }
        }

        impl Index<$id> for Vec<super::$node> {
            type Output = super::$node;
            fn index(&self, id: $id) -> &super::$node {
                &self[id.0]
            }
        }

        impl IndexMut<$id> for Vec<super::$node> {
            fn index_mut(&mut self, id: $id) -> &mut super::$node {
                &mut self[id.0]
            }
        }
    )*};
}

ids! {
    /// A meeting: its place among the meetings, oldest first.
    MeetingId => Meeting;
    /// An entity, stub or written: its place among the entities, by slug.
    EntityId => Entity;
    /// A topic, stub or written: its place among the topics, by slug.
    TopicId => Topic;
    /// An action: its place in the register.
    ActionId => Action;
    /// A decision: its place among the decisions, in meeting order.
    DecisionId => Decision;
    /// A free page: its place among the free pages.
    FreePageId => FreePage;
    /// A meeting series: its place among the series, by name.
    SeriesId => Series;
}

/// The nodes of `list` with their ids.
pub fn with_ids<T: Node>(
    list: &[T],
) -> impl DoubleEndedIterator<Item = (T::Id, &T)> + ExactSizeIterator {
    list.iter().enumerate().map(|(i, n)| (T::Id::new(i), n))
}

/// The ids of the nodes of `list`.
pub fn ids<T: Node>(
    list: &[T],
) -> impl DoubleEndedIterator<Item = T::Id> + ExactSizeIterator + use<T> {
    (0..list.len()).map(T::Id::new)
}

/// One value for each node of a kind, found by the node's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerId<I, T> {
    values: Vec<T>,
    of: PhantomData<fn(I)>,
}

impl<I, T> PerId<I, T> {
    /// The values in the order of the nodes.
    pub fn as_slice(&self) -> &[T] {
        &self.values
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// The value of `id`, if there is one.
    pub fn get(&self, id: I) -> Option<&T>
    where
        I: Id,
    {
        self.values.get(id.index())
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

impl<I, T> Default for PerId<I, T> {
    fn default() -> Self {
        Vec::new().into()
    }
}

impl<I, T> From<Vec<T>> for PerId<I, T> {
    fn from(values: Vec<T>) -> Self {
        PerId {
            values,
            of: PhantomData,
        }
    }
}

impl<I, T> FromIterator<T> for PerId<I, T> {
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> Self {
        iter.into_iter().collect::<Vec<T>>().into()
    }
}

impl<I: Id, T> Index<I> for PerId<I, T> {
    type Output = T;
    fn index(&self, id: I) -> &T {
        &self.values[id.index()]
    }
}

impl<I, T: Send> rayon::iter::FromParallelIterator<T> for PerId<I, T> {
    fn from_par_iter<P: rayon::iter::IntoParallelIterator<Item = T>>(iter: P) -> Self {
        Vec::from_par_iter(iter).into()
    }
}
