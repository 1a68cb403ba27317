//! Text that holds card data (the number, the security code, as typed or formatted): wiped from
//! memory when dropped or replaced, and never printed by `Debug`. Without it, every value the
//! customer typed stayed readable in the wasm memory buffer until the allocator reused the space.

use alloc::string::String;

use core::fmt;
use core::ops::Deref;

use zeroize::Zeroize;

/// A `String` whose bytes are zeroed before its buffer is freed, including when it is replaced
/// or outgrows its buffer (a growing `String` would leave the old copy behind in freed memory).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SecretString(String);

impl SecretString {
    pub fn new() -> SecretString {
        SecretString(String::new())
    }

    /// An empty text with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> SecretString {
        SecretString(String::with_capacity(capacity))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Replaces the text. The old bytes are wiped first; the buffer is kept when it is large
    /// enough, otherwise a new one is made and the old one wiped before it is freed.
    pub fn set(&mut self, value: &str) {
        self.0.zeroize();
        self.push_str(value);
    }

    pub fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.push_str(c.encode_utf8(&mut buf));
        buf.zeroize();
    }

    /// Appends, moving to a larger buffer by hand (old one wiped) instead of letting `String`
    /// reallocate.
    pub fn push_str(&mut self, s: &str) {
        let needed = self.0.len() + s.len();
        if needed > self.0.capacity() {
            let mut grown = String::with_capacity(needed.max(self.0.capacity() * 2).max(8));
            grown.push_str(&self.0);
            // The old buffer is wiped when the old value drops here.
            *self = SecretString(grown);
        }
        self.0.push_str(s);
    }

    /// Wipes the text, keeping the buffer.
    pub fn clear(&mut self) {
        self.0.zeroize();
    }
}

impl Drop for SecretString {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl Zeroize for SecretString {
    fn zeroize(&mut self) {
        self.0.zeroize();
    }
}

impl Deref for SecretString {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SecretString {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Takes the buffer over (no copy is made).
impl From<String> for SecretString {
    fn from(s: String) -> SecretString {
        SecretString(s)
    }
}

impl From<&str> for SecretString {
    fn from(s: &str) -> SecretString {
        let mut out = SecretString::with_capacity(s.len());
        out.push_str(s);
        out
    }
}

impl PartialEq<str> for SecretString {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for SecretString {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Card data stays out of logs and panic messages: only the length is shown.
impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretString(")?;
        fmt::Debug::fmt(&self.0.len(), f)?;
        f.write_str(" bytes)")
    }
}
