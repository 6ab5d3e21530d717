//! Boxed types: reading the `@type` of an object and dispatching on it.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde_json::Value;

/// A boxed TL type read from TDLib's JSON: an enum with a variant per
/// constructor, chosen by the object's `@type`.
///
/// Generated code implements it, and `Deserialize` by calling
/// [`deserialize_tagged`]:
///
/// ```
/// use serde::{Deserialize, Deserializer};
/// use tl_runtime::json::{self, TaggedUnion};
///
/// #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
/// #[serde(tag = "@type", rename = "shapeCircle")]
/// struct ShapeCircle {
///     radius: f64,
/// }
/// #[derive(serde::Serialize, serde::Deserialize)]
/// #[serde(tag = "@type", rename = "shapeEmpty")]
/// struct ShapeEmpty {}
///
/// #[derive(Debug, PartialEq)]
/// enum Shape {
///     Circle(ShapeCircle),
///     Empty,
/// }
/// impl TaggedUnion for Shape {
///     const TYPE_NAME: &'static str = "Shape";
///     const TAGS: &'static [&'static str] = &["shapeCircle", "shapeEmpty"];
///     fn deserialize_body<'de, D: Deserializer<'de>>(tag: &str, body: D) -> Result<Self, D::Error> {
///         match tag {
///             "shapeCircle" => Deserialize::deserialize(body).map(Self::Circle),
///             "shapeEmpty" => <ShapeEmpty as Deserialize>::deserialize(body).map(|_| Self::Empty),
///             _ => Err(json::unknown_tag::<Self, D::Error>(tag)),
///         }
///     }
/// }
/// impl<'de> Deserialize<'de> for Shape {
///     fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
///         json::deserialize_tagged(d)
///     }
/// }
///
/// let circle: Shape = json::from_str(r#"{"@type":"shapeCircle","radius":2.5}"#).unwrap();
/// assert_eq!(circle, Shape::Circle(ShapeCircle { radius: 2.5 }));
/// let empty: Shape = json::from_str(r#"{"@type":"shapeEmpty"}"#).unwrap();
/// assert_eq!(empty, Shape::Empty);
/// let err = json::from_str::<Shape>(r#"{"@type":"shapeSquare"}"#).unwrap_err();
/// assert_eq!(err.to_string(), r#"unknown @type "shapeSquare" for Shape at line 1 column 23"#);
/// ```
pub trait TaggedUnion: Sized {
    /// The TL type's name (`TextEntityType`), as errors name it.
    const TYPE_NAME: &'static str;

    /// The names of the constructors this type reads, in schema order:
    /// what [`TaggedUnion::deserialize_body`] accepts.
    const TAGS: &'static [&'static str];

    /// Reads the rest of an object whose `@type` was `tag`: `body` is the
    /// object without its `@type`, for the constructor struct's derived
    /// `Deserialize`. An unknown `tag` is [`unknown_tag`].
    fn deserialize_body<'de, D: Deserializer<'de>>(tag: &str, body: D) -> Result<Self, D::Error>;
}

/// The error for an object whose `@type` is not a constructor of `T`:
/// `unknown @type "textEntityTypeFoo" for TextEntityType`.
pub fn unknown_tag<T: TaggedUnion, E: de::Error>(tag: &str) -> E {
    E::custom(format_args!("unknown @type {tag:?} for {}", T::TYPE_NAME))
}

/// Reads a `T` from a JSON object by its `@type`: what generated code's
/// `Deserialize` for a boxed type calls (see [`TaggedUnion`]).
///
/// When `@type` is the object's first key, as TDLib writes it, the tag is
/// read in place (borrowed from the input when the deserializer allows, as
/// serde_json's `from_str` and `from_slice` do for a tag without escapes)
/// and the rest of the object goes to [`TaggedUnion::deserialize_body`]
/// as it is read, with nothing buffered. When other keys come first, their
/// values are buffered (as `serde_json::Value`) until `@type` is found, and
/// then handed over ahead of the keys that follow it.
///
/// Errors: `missing @type for T` for an object without `@type`,
/// [`unknown_tag`] for a tag `T` does not know, serde's `invalid type` for
/// anything that is not an object or a tag that is not a string.
pub fn deserialize_tagged<'de, T: TaggedUnion, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(TaggedVisitor::<T>(PhantomData))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: TaggedUnion> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object of TL type {}", T::TYPE_NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        with_tag(map, &T::TYPE_NAME, |tag, body| {
            T::deserialize_body(tag, body)
        })
    }
}

/// Finds the `@type` of the object `map` reads and calls `f` with it and
/// the rest of the object (see [`deserialize_tagged`]).
pub(crate) fn with_tag<'de, A, R, F>(
    mut map: A,
    type_name: &dyn fmt::Display,
    f: F,
) -> Result<R, A::Error>
where
    A: MapAccess<'de>,
    F: FnOnce(&str, MapAccessDeserializer<TagRest<A>>) -> Result<R, A::Error>,
{
    let mut buffered = Vec::new();
    loop {
        match map.next_key_seed(FirstKey)? {
            None => {
                return Err(de::Error::custom(format_args!(
                    "missing @type for {type_name}"
                )));
            }
            Some(Key::Tag) => {
                let tag = map.next_value_seed(TagSeed { type_name })?;
                let rest = TagRest {
                    buffered: buffered.into_iter(),
                    pending: None,
                    map,
                };
                return f(&tag, MapAccessDeserializer::new(rest));
            }
            Some(Key::Other(key)) => {
                let value: Value = map.next_value()?;
                buffered.push((key, value));
            }
        }
    }
}

/// A key while looking for `@type`.
enum Key {
    Tag,
    Other(String),
}

struct FirstKey;

impl<'de> DeserializeSeed<'de> for FirstKey {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for FirstKey {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(if v == "@type" {
            Key::Tag
        } else {
            Key::Other(v.to_owned())
        })
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Key, E> {
        Ok(if v == "@type" {
            Key::Tag
        } else {
            Key::Other(v)
        })
    }
}

/// The value of `@type`: borrowed from the input when it can be.
struct TagSeed<'a> {
    type_name: &'a dyn fmt::Display,
}

impl<'de> DeserializeSeed<'de> for TagSeed<'_> {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for TagSeed<'_> {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a constructor name as the @type of a {}", self.type_name)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// The rest of an object after its `@type`: first the entries buffered
/// before it, then the ones still to read.
pub(crate) struct TagRest<A> {
    buffered: std::vec::IntoIter<(String, Value)>,
    /// The buffered entry whose key was handed out last.
    pending: Option<(String, Value)>,
    map: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TagRest<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if let Some((key, value)) = self.buffered.next() {
            let out = seed.deserialize(key.as_str().into_deserializer())?;
            self.pending = Some((key, value));
            return Ok(Some(out));
        }
        self.pending = None;
        self.map.next_key_seed(seed)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.pending.take() {
            Some((key, value)) => deserialize_buffered(seed, &key, value),
            None => self.map.next_value_seed(seed),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()?.checked_add(self.buffered.len())
    }
}

/// Reads a value buffered before `@type`. Its errors come from a separate
/// deserializer: they name the key and the path inside the value, since the
/// outer path ends at the object.
fn deserialize_buffered<'de, V: DeserializeSeed<'de>, E: de::Error>(
    seed: V,
    key: &str,
    value: Value,
) -> Result<V::Value, E> {
    let mut track = serde_path_to_error::Track::new();
    match seed.deserialize(serde_path_to_error::Deserializer::new(value, &mut track)) {
        Ok(v) => Ok(v),
        Err(e) => {
            let path = track.path();
            Err(E::custom(format_args!("{key}{}: {e}", PathSuffix(&path))))
        }
    }
}

/// A path inside a value, to write after the value's key: `[2].type`,
/// `.entities`, or nothing for the value itself.
pub(crate) struct PathSuffix<'a>(pub(crate) &'a serde_path_to_error::Path);

impl fmt::Display for PathSuffix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use serde_path_to_error::Segment;
        if self.0.iter().all(|s| matches!(s, Segment::Unknown)) {
            return Ok(());
        }
        if !matches!(self.0.iter().next(), Some(Segment::Seq { .. })) {
            f.write_str(".")?;
        }
        write!(f, "{}", self.0)
    }
}
