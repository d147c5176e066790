//! A streaming ZIP writer: the archive comes out as a sequence of `Bytes`
//! chunks, so a server can send it to a browser while it fetches each file
//! from upstream, without ever holding a whole file in memory.
//!
//! # Format choices
//!
//! * Every entry is STORED (method 0, no compression). Settlement files are
//!   small CSV, XML and PDF files, and speed matters more than size.
//! * Sizes and CRC-32 are unknown when an entry starts, so every entry sets
//!   general purpose bit 3: the local header carries zero CRC, and the real
//!   CRC and sizes follow the data in a data descriptor, which always starts
//!   with the optional signature `0x08074b50`. Bit 11 is set too: names are
//!   UTF-8.
//! * All entries share one DOS date and time given by the caller (see
//!   [`dos_date_time`]). Entries are marked as made on Unix with mode
//!   `0644`, so `unzip` creates ordinary readable files.
//! * Only plain files are written: no directories, no comments, no
//!   encryption, a single disk.
//!
//! # Zip64
//!
//! Zip64 is needed when a size or an offset does not fit in 32 bits
//! (`>= 0xFFFF_FFFF`), or when there are `0xFFFF` or more entries. With a
//! data descriptor the local header is written before the size is known,
//! and readers decide how wide the descriptor's size fields are (4 or 8
//! bytes) by whether the entry has a Zip64 extra field (APPNOTE 4.3.9). So
//! the choice has to be made up front, from a size hint given by the caller:
//!
//! * An entry is written in the *Zip64 layout* when its size hint is `None`
//!   or `>= 0xFFFF_FFFF`, or when its local header itself starts at or past
//!   `0xFFFF_FFFF`. Its local header then has version 4.5, `0xFFFF_FFFF` in
//!   both size fields and a Zip64 extra field (`0x0001`) whose two sizes are
//!   zero ("unknown, see the data descriptor"); its data descriptor has
//!   8-byte sizes; and its central directory record has `0xFFFF_FFFF` in
//!   both size fields and a Zip64 extra field with the real sizes, plus the
//!   local header offset when that does not fit in 32 bits. Central
//!   directory, local header and descriptor thus agree on "Zip64", whichever
//!   of them a reader looks at.
//! * Otherwise (a hint below 4 GiB, local header before 4 GiB) the entry is
//!   written in the classic layout: version 2.0, no extra field, a 16-byte
//!   descriptor, and a central directory record without extra field.
//! * If a hinted entry turns out to be 4 GiB or more after all, its
//!   descriptor cannot hold the size in 4 bytes: it gets an 8-byte
//!   descriptor and a Zip64 central record anyway (what Go's `archive/zip`
//!   does). Readers that go by the central directory handle that; a reader
//!   that walks the local headers one after another may not. Give `None`
//!   when in doubt.
//! * The archive ends with a Zip64 end of central directory record and
//!   locator, followed by the classic end record, when there are `0xFFFF` or
//!   more entries or the central directory's offset or size does not fit in
//!   32 bits. The classic record then holds `0xFFFF` / `0xFFFF_FFFF` in the
//!   fields that overflowed.
//!
//! # Broken entries
//!
//! When an upstream fails half-way, [`ZipStream::abandon_entry`] closes the
//! entry with a data descriptor (so the byte stream stays well formed) but
//! leaves it out of the central directory: tools that read the central
//! directory, which is nearly all of them, do not list or extract a
//! truncated file. Its bytes still take room in the archive, and a reader
//! that walks local headers without the central directory (such as `bsdtar`
//! reading from a pipe) still lists it, with the data it got.
//!
//! # Use
//!
//! Send, in order: [`ZipStream::start_entry`] (local header), each chunk
//! through [`ZipStream::data`], then [`ZipStream::finish_entry`] or
//! [`ZipStream::abandon_entry`] (data descriptor); [`ZipStream::whole_entry`]
//! for small in-memory files; and [`ZipStream::finish`] (central directory
//! and end records) last. Name entries with [`ZipStream::unique_name`].
//!
//! # Limits
//!
//! Names are at most 65,535 bytes of UTF-8 and must not be empty (names
//! from [`ZipStream::unique_name`] always qualify). Sizes and offsets are
//! limited to `u64`. Both layouts, and archives over 4 GiB and with more
//! than 65,535 entries, were checked with the `zip` crate, Python's
//! `zipfile`, Info-ZIP `unzip -t`, 7-Zip and `bsdtar` (also reading from a
//! pipe); macOS Archive Utility and Windows Explorer were not tried.

use std::collections::HashSet;

use bytes::{BufMut, Bytes, BytesMut};

const LOCAL_HEADER_SIGNATURE: u32 = 0x0403_4b50;
const DATA_DESCRIPTOR_SIGNATURE: u32 = 0x0807_4b50;
const CENTRAL_HEADER_SIGNATURE: u32 = 0x0201_4b50;
const ZIP64_END_SIGNATURE: u32 = 0x0606_4b50;
const ZIP64_LOCATOR_SIGNATURE: u32 = 0x0706_4b50;
const END_SIGNATURE: u32 = 0x0605_4b50;

/// Bit 3 (sizes and CRC in a data descriptor) and bit 11 (UTF-8 names).
const FLAGS: u16 = (1 << 3) | (1 << 11);
const METHOD_STORED: u16 = 0;
/// Version needed to extract: 2.0 for data descriptors, 4.5 for Zip64.
const VERSION_CLASSIC: u16 = 20;
const VERSION_ZIP64: u16 = 45;
/// Version made by: Unix (3) in the high byte, spec version 4.5 in the low one.
const VERSION_MADE_BY: u16 = (3 << 8) | 45;
/// A regular file with mode 0644, in the Unix half of the external attributes.
const EXTERNAL_ATTRIBUTES: u32 = 0o100_644 << 16;
const ZIP64_EXTRA_ID: u16 = 0x0001;

const LOCAL_HEADER_LEN: usize = 30;
/// Local Zip64 extra field: id, length, uncompressed size, compressed size.
const LOCAL_ZIP64_EXTRA_LEN: usize = 4 + 8 + 8;
const DESCRIPTOR_LEN: usize = 16;
const ZIP64_DESCRIPTOR_LEN: usize = 24;
const CENTRAL_HEADER_LEN: usize = 46;
const ZIP64_END_LEN: usize = 56;
const ZIP64_LOCATOR_LEN: usize = 20;
const END_LEN: usize = 22;

/// Value of a 32-bit field that means "see the Zip64 record".
const U32_SENTINEL: u32 = u32::MAX;
/// Value of a 16-bit field that means "see the Zip64 record".
const U16_SENTINEL: u16 = u16::MAX;

/// Longest name, in bytes, that [`ZipStream::unique_name`] returns before a
/// ` (n)` suffix; keeps extracted names under common 255-byte limits.
const SAFE_NAME_MAX_BYTES: usize = 200;
/// Longest extension that is kept when a name has to be shortened.
const SAFE_EXTENSION_MAX_BYTES: usize = 16;

/// Converts a calendar date and time to the MS-DOS `(time, date)` pair used
/// in ZIP headers, ready for [`ZipStream::new`].
///
/// DOS times have a two-second resolution (odd seconds round down) and cover
/// 1980-01-01 to 2107-12-31; dates outside that range are clamped to its
/// ends, and out-of-range fields are clamped to their valid range.
pub fn dos_date_time(year: u16, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> (u16, u16) {
    if year < 1980 {
        return (0, (1 << 5) | 1);
    }
    if year > 2107 {
        return dos_date_time(2107, 12, 31, 23, 59, 59);
    }
    let year = year - 1980;
    let month = u16::from(month.clamp(1, 12));
    let day = u16::from(day.clamp(1, 31));
    let hour = u16::from(hour.min(23));
    let minute = u16::from(minute.min(59));
    let second = u16::from(second.min(59));
    let time = (hour << 11) | (minute << 5) | (second / 2);
    let date = (year << 9) | (month << 5) | day;
    (time, date)
}

/// The values at and above which Zip64 is used. Always the real ZIP limits,
/// except in tests, which lower them to exercise Zip64 with small data.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// Sizes and offsets at or above this need Zip64 (at most `0xFFFF_FFFF`).
    size: u64,
    /// Entry counts at or above this need Zip64 (at most `0xFFFF`).
    count: u64,
}

const ZIP_LIMITS: Limits = Limits {
    size: U32_SENTINEL as u64,
    count: U16_SENTINEL as u64,
};

/// A finished entry, as the central directory needs it.
#[derive(Debug)]
struct Entry {
    name: Box<str>,
    crc: u32,
    size: u64,
    offset: u64,
    zip64: bool,
}

/// The entry being written.
#[derive(Debug)]
struct OpenEntry {
    name: Box<str>,
    offset: u64,
    /// The local header has a Zip64 extra field, so the descriptor has 8-byte sizes.
    zip64: bool,
    hasher: crc32fast::Hasher,
    size: u64,
}

/// Writes a ZIP archive piece by piece; see the module documentation for
/// the format. Every method returns the bytes to send next, in order.
#[derive(Debug)]
pub struct ZipStream {
    dos_time: u16,
    dos_date: u16,
    written: u64,
    entries: Vec<Entry>,
    open: Option<OpenEntry>,
    /// Lower-cased names already used or handed out, abandoned ones included.
    used_names: HashSet<String>,
    limits: Limits,
}

impl ZipStream {
    /// Starts an empty archive whose entries all carry the DOS `(time, date)`
    /// pair `dos`, as made by [`dos_date_time`].
    pub fn new(dos: (u16, u16)) -> Self {
        Self::with_limits(dos, ZIP_LIMITS)
    }

    fn with_limits(dos: (u16, u16), limits: Limits) -> Self {
        Self {
            dos_time: dos.0,
            dos_date: dos.1,
            written: 0,
            entries: Vec::new(),
            open: None,
            used_names: HashSet::new(),
            limits,
        }
    }

    /// Bytes returned so far by all methods.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Starts an entry and returns its local header.
    ///
    /// `size_hint` is the expected size, if known: `None` or a hint of 4 GiB
    /// or more selects the Zip64 layout (see the module documentation).
    /// The name is used as given: pass it through [`Self::unique_name`]
    /// first to make it safe and unique.
    ///
    /// # Panics
    ///
    /// If an entry is already open, or the name is empty or longer than
    /// 65,535 bytes (names from [`Self::unique_name`] never are).
    pub fn start_entry(&mut self, name: &str, size_hint: Option<u64>) -> Bytes {
        if let Some(open) = &self.open {
            panic!("ZipStream::start_entry called while entry {:?} is open", open.name);
        }
        assert!(!name.is_empty(), "a ZIP entry name must not be empty");
        let Ok(name_len) = u16::try_from(name.len()) else {
            panic!("a ZIP entry name is {} bytes long, more than 65535", name.len());
        };
        let offset = self.written();
        let zip64 = match size_hint {
            None => true,
            Some(hint) => hint >= self.limits.size,
        } || offset >= self.limits.size;

        let extra_len = if zip64 { LOCAL_ZIP64_EXTRA_LEN } else { 0 };
        let mut header = BytesMut::with_capacity(LOCAL_HEADER_LEN + name.len() + extra_len);
        header.put_u32_le(LOCAL_HEADER_SIGNATURE);
        header.put_u16_le(if zip64 { VERSION_ZIP64 } else { VERSION_CLASSIC });
        header.put_u16_le(FLAGS);
        header.put_u16_le(METHOD_STORED);
        header.put_u16_le(self.dos_time);
        header.put_u16_le(self.dos_date);
        // CRC and sizes follow in the data descriptor. With Zip64 the size
        // fields point to the extra field, whose sizes are zero (unknown).
        header.put_u32_le(0);
        let size_field = if zip64 { U32_SENTINEL } else { 0 };
        header.put_u32_le(size_field);
        header.put_u32_le(size_field);
        header.put_u16_le(name_len);
        // At most 20, so it fits.
        header.put_u16_le(extra_len as u16);
        header.put_slice(name.as_bytes());
        if zip64 {
            header.put_u16_le(ZIP64_EXTRA_ID);
            header.put_u16_le(16);
            header.put_u64_le(0);
            header.put_u64_le(0);
        }

        self.used_names.insert(name.to_lowercase());
        self.open = Some(OpenEntry {
            name: name.into(),
            offset,
            zip64,
            hasher: crc32fast::Hasher::new(),
            size: 0,
        });
        self.written += header.len() as u64;
        header.freeze()
    }

    /// Passes one chunk of the open entry's data through, counting it into
    /// the entry's CRC and size, and returns the same chunk (not copied).
    ///
    /// # Panics
    ///
    /// If no entry is open.
    pub fn data(&mut self, chunk: Bytes) -> Bytes {
        let entry = self.open_entry("data");
        entry.hasher.update(&chunk);
        entry.size += chunk.len() as u64;
        self.written += chunk.len() as u64;
        chunk
    }

    /// Ends the open entry and returns its data descriptor; the entry will be
    /// listed in the central directory.
    ///
    /// # Panics
    ///
    /// If no entry is open.
    pub fn finish_entry(&mut self) -> Bytes {
        let (entry, descriptor) = self.close_entry("finish_entry");
        self.entries.push(entry);
        descriptor
    }

    /// Ends the open entry as broken (its upstream failed half-way): returns
    /// a data descriptor, so the byte stream stays well formed, and how many
    /// bytes of the entry's data were written. The entry is left out of the
    /// central directory, so unzip tools do not extract a truncated file. Its
    /// name stays taken for [`Self::unique_name`].
    ///
    /// # Panics
    ///
    /// If no entry is open.
    pub fn abandon_entry(&mut self) -> (Bytes, u64) {
        let (entry, descriptor) = self.close_entry("abandon_entry");
        (descriptor, entry.size)
    }

    /// Writes a whole small entry at once (for example a manifest): local
    /// header, data and data descriptor in one chunk.
    ///
    /// # Panics
    ///
    /// Like [`Self::start_entry`].
    pub fn whole_entry(&mut self, name: &str, data: &[u8]) -> Bytes {
        let header = self.start_entry(name, Some(data.len() as u64));
        let entry = self.open_entry("whole_entry");
        entry.hasher.update(data);
        entry.size = data.len() as u64;
        self.written += data.len() as u64;
        let descriptor = self.finish_entry();
        let mut out = BytesMut::with_capacity(header.len() + data.len() + descriptor.len());
        out.put_slice(&header);
        out.put_slice(data);
        out.put_slice(&descriptor);
        out.freeze()
    }

    /// Writes the central directory and the end records, which complete the
    /// archive. An entry still open is abandoned first (its descriptor comes
    /// at the start of the returned bytes).
    pub fn finish(mut self) -> Bytes {
        let pending = if self.open.is_some() {
            self.abandon_entry().0
        } else {
            Bytes::new()
        };
        let limits = self.limits;

        let central_start = self.written;
        let central_len: usize = self
            .entries
            .iter()
            .map(|entry| CENTRAL_HEADER_LEN + entry.name.len() + central_extra_len(entry, limits))
            .sum();
        let central_size = central_len as u64;
        let count = self.entries.len() as u64;
        let zip64_end = count >= limits.count || central_start >= limits.size || central_size >= limits.size;

        let end_len = if zip64_end {
            ZIP64_END_LEN + ZIP64_LOCATOR_LEN + END_LEN
        } else {
            END_LEN
        };
        let mut out = BytesMut::with_capacity(pending.len() + central_len + end_len);
        out.put_slice(&pending);

        for entry in &self.entries {
            let extra_len = central_extra_len(entry, limits);
            let offset_zip64 = entry.offset >= limits.size;
            let size_field = if entry.zip64 {
                U32_SENTINEL
            } else {
                // A classic entry is smaller than the limit, so it fits.
                entry.size as u32
            };
            out.put_u32_le(CENTRAL_HEADER_SIGNATURE);
            out.put_u16_le(VERSION_MADE_BY);
            out.put_u16_le(if entry.zip64 { VERSION_ZIP64 } else { VERSION_CLASSIC });
            out.put_u16_le(FLAGS);
            out.put_u16_le(METHOD_STORED);
            out.put_u16_le(self.dos_time);
            out.put_u16_le(self.dos_date);
            out.put_u32_le(entry.crc);
            out.put_u32_le(size_field);
            out.put_u32_le(size_field);
            // Checked by start_entry.
            out.put_u16_le(entry.name.len() as u16);
            // At most 28, so it fits.
            out.put_u16_le(extra_len as u16);
            out.put_u16_le(0); // comment length
            out.put_u16_le(0); // disk number
            out.put_u16_le(0); // internal attributes
            out.put_u32_le(EXTERNAL_ATTRIBUTES);
            out.put_u32_le(if offset_zip64 {
                U32_SENTINEL
            } else {
                entry.offset as u32
            });
            out.put_slice(entry.name.as_bytes());
            if extra_len > 0 {
                out.put_u16_le(ZIP64_EXTRA_ID);
                out.put_u16_le((extra_len - 4) as u16);
                // Fields in APPNOTE order: uncompressed size, compressed size, offset.
                if entry.zip64 {
                    out.put_u64_le(entry.size);
                    out.put_u64_le(entry.size);
                }
                if offset_zip64 {
                    out.put_u64_le(entry.offset);
                }
            }
        }

        let central_end = central_start + central_size;
        if zip64_end {
            out.put_u32_le(ZIP64_END_SIGNATURE);
            // Size of the rest of the record.
            out.put_u64_le((ZIP64_END_LEN - 12) as u64);
            out.put_u16_le(VERSION_MADE_BY);
            out.put_u16_le(VERSION_ZIP64);
            out.put_u32_le(0); // this disk
            out.put_u32_le(0); // disk where the central directory starts
            out.put_u64_le(count); // entries on this disk
            out.put_u64_le(count); // entries in total
            out.put_u64_le(central_size);
            out.put_u64_le(central_start);

            out.put_u32_le(ZIP64_LOCATOR_SIGNATURE);
            out.put_u32_le(0); // disk with the Zip64 end record
            out.put_u64_le(central_end); // where the Zip64 end record starts
            out.put_u32_le(1); // number of disks
        }
        let count_field = if count >= limits.count {
            U16_SENTINEL
        } else {
            count as u16
        };
        out.put_u32_le(END_SIGNATURE);
        out.put_u16_le(0); // this disk
        out.put_u16_le(0); // disk where the central directory starts
        out.put_u16_le(count_field); // entries on this disk
        out.put_u16_le(count_field); // entries in total
        out.put_u32_le(field32(central_size, limits));
        out.put_u32_le(field32(central_start, limits));
        out.put_u16_le(0); // comment length

        out.freeze()
    }

    /// Makes `wanted` a safe file name that is unique in this archive, and
    /// reserves it: it is never returned again, and it clashes with every
    /// name already used by an entry (finished, open or abandoned).
    ///
    /// `/ \ :`, the other characters Windows forbids (`* ? " < > |`) and
    /// control characters become `_`; leading dots, and leading and trailing
    /// spaces and dots, are removed; an empty result becomes `file`; Windows
    /// device names such as `CON` get a leading `_`; names longer than 200
    /// bytes are shortened, keeping a short extension. On a clash, ` (2)`,
    /// ` (3)`, ... goes before the extension. Clashes ignore letter case, as
    /// Windows and macOS file systems do.
    pub fn unique_name(&mut self, wanted: &str) -> String {
        let safe = safe_name(wanted);
        if self.used_names.insert(safe.to_lowercase()) {
            return safe;
        }
        let (stem, extension) = split_extension(&safe);
        let mut n: u64 = 2;
        loop {
            let candidate = format!("{stem} ({n}){extension}");
            if self.used_names.insert(candidate.to_lowercase()) {
                return candidate;
            }
            n += 1;
        }
    }

    fn open_entry(&mut self, method: &str) -> &mut OpenEntry {
        match self.open.as_mut() {
            Some(entry) => entry,
            None => panic!("ZipStream::{method} called with no entry open"),
        }
    }

    /// Closes the open entry and returns it with its data descriptor.
    fn close_entry(&mut self, method: &str) -> (Entry, Bytes) {
        let Some(open) = self.open.take() else {
            panic!("ZipStream::{method} called with no entry open");
        };
        let crc = open.hasher.finalize();
        // A hinted entry that grew past the limit needs 8-byte sizes anyway.
        let zip64 = open.zip64 || open.size >= self.limits.size;
        let mut descriptor = BytesMut::with_capacity(if zip64 { ZIP64_DESCRIPTOR_LEN } else { DESCRIPTOR_LEN });
        descriptor.put_u32_le(DATA_DESCRIPTOR_SIGNATURE);
        descriptor.put_u32_le(crc);
        if zip64 {
            descriptor.put_u64_le(open.size);
            descriptor.put_u64_le(open.size);
        } else {
            // Below the limit, so it fits.
            descriptor.put_u32_le(open.size as u32);
            descriptor.put_u32_le(open.size as u32);
        }
        self.written += descriptor.len() as u64;
        let entry = Entry {
            name: open.name,
            crc,
            size: open.size,
            offset: open.offset,
            zip64,
        };
        (entry, descriptor.freeze())
    }
}

/// Length of an entry's Zip64 extra field in the central directory, or 0.
fn central_extra_len(entry: &Entry, limits: Limits) -> usize {
    let mut len = 0;
    if entry.zip64 {
        len += 16;
    }
    if entry.offset >= limits.size {
        len += 8;
    }
    if len > 0 {
        len += 4;
    }
    len
}

/// A 32-bit field of the classic end record: the value, or the sentinel
/// when it needs the Zip64 record.
fn field32(value: u64, limits: Limits) -> u32 {
    if value >= limits.size {
        U32_SENTINEL
    } else {
        // Below the limit, so it fits.
        value as u32
    }
}

fn is_forbidden_in_name(c: char) -> bool {
    matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control()
}

/// Windows device names, which cannot be used as file names with any extension.
fn is_windows_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let upper = stem.to_ascii_uppercase();
    match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => {
            let bytes = upper.as_bytes();
            bytes.len() == 4
                && (upper.starts_with("COM") || upper.starts_with("LPT"))
                && (b'1'..=b'9').contains(&bytes[3])
        }
    }
}

/// Splits `name` before its last dot, unless that dot starts the name.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 => name.split_at(dot),
        _ => (name, ""),
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn truncate_at_char(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn trim_name(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '.')
}

/// The name-cleaning part of [`ZipStream::unique_name`].
fn safe_name(wanted: &str) -> String {
    let replaced: String = wanted
        .chars()
        .map(|c| if is_forbidden_in_name(c) { '_' } else { c })
        .collect();
    let mut name = match trim_name(&replaced) {
        "" => String::from("file"),
        trimmed => trimmed.to_owned(),
    };
    if name.len() > SAFE_NAME_MAX_BYTES {
        let (stem, extension) = split_extension(&name);
        let (stem, extension) = if extension.len() <= SAFE_EXTENSION_MAX_BYTES {
            (stem, extension)
        } else {
            (name.as_str(), "")
        };
        let stem = trim_name(truncate_at_char(stem, SAFE_NAME_MAX_BYTES - extension.len()));
        name = format!("{stem}{extension}");
    }
    if is_windows_device_name(&name) {
        name.insert(0, '_');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Read};

    const DOS: (u16, u16) = (0x6BAF, 0x58B1); // 2024-05-17 13:29:30

    /// Limits so low that every size, offset and count trips Zip64.
    fn tiny_limits() -> Limits {
        Limits { size: 10, count: 2 }
    }

    fn open(archive: &[u8]) -> zip::ZipArchive<Cursor<Vec<u8>>> {
        match zip::ZipArchive::new(Cursor::new(archive.to_vec())) {
            Ok(zip) => zip,
            Err(e) => panic!("archive does not open: {e}"),
        }
    }

    fn u16_at(b: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([b[at], b[at + 1]])
    }

    fn u32_at(b: &[u8], at: usize) -> u32 {
        u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
    }

    fn u64_at(b: &[u8], at: usize) -> u64 {
        u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
    }

    /// Reads every entry back with the `zip` crate (which checks the CRC at
    /// the end of each read) and checks names, contents, CRC and method;
    /// then checks each local header and data descriptor by hand, and that
    /// the descriptor width matches the Zip64 extra field in both headers.
    fn check_archive(archive: &[u8], expected: &[(&str, &[u8])]) {
        let mut zip = open(archive);
        assert_eq!(zip.len(), expected.len(), "entry count");
        for (i, (name, content)) in expected.iter().enumerate() {
            let mut file = zip.by_index(i).unwrap();
            assert_eq!(file.name().unwrap(), *name);
            assert_eq!(file.compression(), zip::CompressionMethod::Stored);
            assert_eq!(file.size(), content.len() as u64);
            assert_eq!(file.compressed_size(), content.len() as u64);
            assert_eq!(file.crc32(), crc32fast::hash(content));
            assert_eq!(file.unix_mode(), Some(0o100_644));
            let time = file.last_modified().unwrap();
            assert_eq!((time.year(), time.month(), time.day()), (2024, 5, 17), "date");
            assert_eq!((time.hour(), time.minute(), time.second()), (13, 29, 30), "time");
            let mut read = Vec::new();
            file.read_to_end(&mut read).unwrap();
            assert_eq!(read, *content, "content of {name}");

            // The local header, by hand.
            let at = file.header_start() as usize;
            let central_at = file.central_header_start() as usize;
            drop(file);
            assert_eq!(u32_at(archive, at), LOCAL_HEADER_SIGNATURE);
            assert_eq!(u16_at(archive, at + 6), 0x0808, "flags");
            assert_eq!(u16_at(archive, at + 8), 0, "method");
            assert_eq!(u32_at(archive, at + 14), 0, "local CRC");
            let name_len = u16_at(archive, at + 26) as usize;
            let extra_len = u16_at(archive, at + 28) as usize;
            assert_eq!(&archive[at + 30..at + 30 + name_len], name.as_bytes());
            let local_zip64 = match extra_len {
                0 => {
                    assert_eq!(u16_at(archive, at + 4), 20, "version needed");
                    assert_eq!(u32_at(archive, at + 18), 0);
                    assert_eq!(u32_at(archive, at + 22), 0);
                    false
                }
                20 => {
                    let extra = at + 30 + name_len;
                    assert_eq!(u16_at(archive, at + 4), 45, "version needed");
                    assert_eq!(u32_at(archive, at + 18), U32_SENTINEL);
                    assert_eq!(u32_at(archive, at + 22), U32_SENTINEL);
                    assert_eq!(u16_at(archive, extra), ZIP64_EXTRA_ID);
                    assert_eq!(u16_at(archive, extra + 2), 16);
                    assert_eq!(u64_at(archive, extra + 4), 0);
                    assert_eq!(u64_at(archive, extra + 12), 0);
                    true
                }
                other => panic!("unexpected local extra length {other}"),
            };

            // The central header says Zip64 exactly when the local one does.
            let central = central_at;
            assert_eq!(u32_at(archive, central), CENTRAL_HEADER_SIGNATURE);
            let central_extra_len = u16_at(archive, central + 30);
            let central_sizes_zip64 = u32_at(archive, central + 20) == U32_SENTINEL;
            assert_eq!(central_sizes_zip64, local_zip64, "central vs local Zip64");
            assert_eq!(central_extra_len > 0, local_zip64 || at as u64 >= 0xFFFF_FFFF);

            // The data descriptor right after the data.
            let descriptor = at + 30 + name_len + extra_len + content.len();
            assert_eq!(u32_at(archive, descriptor), DATA_DESCRIPTOR_SIGNATURE);
            assert_eq!(u32_at(archive, descriptor + 4), crc32fast::hash(content));
            if local_zip64 {
                assert_eq!(u64_at(archive, descriptor + 8), content.len() as u64);
                assert_eq!(u64_at(archive, descriptor + 16), content.len() as u64);
            } else {
                assert_eq!(u32_at(archive, descriptor + 8), content.len() as u32);
                assert_eq!(u32_at(archive, descriptor + 12), content.len() as u32);
            }
        }
    }

    /// Streams `content` as an entry in chunks of `chunk` bytes.
    fn stream_entry(
        zip: &mut ZipStream,
        out: &mut Vec<u8>,
        name: &str,
        hint: Option<u64>,
        content: &[u8],
        chunk: usize,
    ) {
        out.extend_from_slice(&zip.start_entry(name, hint));
        for piece in content.chunks(chunk) {
            let piece = Bytes::copy_from_slice(piece);
            let passed = zip.data(piece.clone());
            assert_eq!(passed.as_ptr(), piece.as_ptr(), "data() must not copy");
            out.extend_from_slice(&passed);
        }
        out.extend_from_slice(&zip.finish_entry());
        assert_eq!(zip.written(), out.len() as u64);
    }

    #[test]
    fn entries_round_trip() {
        let big: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut zip = ZipStream::new(DOS);
        let mut out = Vec::new();
        stream_entry(&mut zip, &mut out, "a.csv", Some(11), b"id;amount\n1;2", 4);
        stream_entry(&mut zip, &mut out, "empty.txt", Some(0), b"", 1);
        stream_entry(&mut zip, &mut out, "Überweisung €.xml", None, b"<x/>", 100);
        stream_entry(&mut zip, &mut out, "big.pdf", Some(big.len() as u64), &big, 65_536);
        stream_entry(&mut zip, &mut out, "unknown.bin", None, &big, 1000);
        assert_eq!(zip.entries.len(), 5);
        out.extend_from_slice(&zip.finish());
        check_archive(
            &out,
            &[
                ("a.csv", b"id;amount\n1;2"),
                ("empty.txt", b""),
                ("Überweisung €.xml", b"<x/>"),
                ("big.pdf", &big),
                ("unknown.bin", &big),
            ],
        );
        // Small archive: no Zip64 end records.
        assert_eq!(u32_at(&out, out.len() - END_LEN), END_SIGNATURE);
        assert!(!out.windows(4).any(|w| w == ZIP64_LOCATOR_SIGNATURE.to_le_bytes()));
        // The UTF-8 flag makes the name come back as written.
        assert!(open(&out).file_names().any(|n| n.unwrap() == "Überweisung €.xml"));
    }

    #[test]
    fn empty_archive_is_valid() {
        let zip = ZipStream::new(DOS);
        let out = zip.finish();
        assert_eq!(out.len(), END_LEN);
        assert_eq!(open(&out).len(), 0);
    }

    #[test]
    fn abandoned_entry_is_not_listed() {
        let mut zip = ZipStream::new(DOS);
        let mut out = Vec::new();
        stream_entry(&mut zip, &mut out, "first.csv", Some(5), b"one;1", 2);

        out.extend_from_slice(&zip.start_entry("broken.pdf", Some(1000)));
        out.extend_from_slice(&zip.data(Bytes::from_static(b"%PDF-1.7 half")));
        out.extend_from_slice(&zip.data(Bytes::from_static(b" of it")));
        let (descriptor, count) = zip.abandon_entry();
        out.extend_from_slice(&descriptor);
        assert_eq!(count, 19);
        assert_eq!(descriptor.len(), DESCRIPTOR_LEN);
        assert!(zip.open.is_none());

        // Same for one in the Zip64 layout.
        out.extend_from_slice(&zip.start_entry("broken2.pdf", None));
        out.extend_from_slice(&zip.data(Bytes::from_static(b"%PDF")));
        let (descriptor, count) = zip.abandon_entry();
        out.extend_from_slice(&descriptor);
        assert_eq!((descriptor.len(), count), (ZIP64_DESCRIPTOR_LEN, 4));

        stream_entry(&mut zip, &mut out, "last.xml", None, b"<done/>", 3);
        assert_eq!(zip.entries.len(), 2);
        out.extend_from_slice(&zip.finish());
        check_archive(&out, &[("first.csv", b"one;1"), ("last.xml", b"<done/>")]);
        let zip = open(&out);
        assert!(zip.index_for_name("broken.pdf").is_none());
    }

    #[test]
    fn abandoned_names_stay_taken() {
        let mut zip = ZipStream::new(DOS);
        let name = zip.unique_name("report.pdf");
        zip.start_entry(&name, None);
        zip.abandon_entry();
        assert_eq!(zip.unique_name("report.pdf"), "report (2).pdf");
        // Names given straight to start_entry count too.
        zip.start_entry("direct.csv", None);
        zip.finish_entry();
        assert_eq!(zip.unique_name("DIRECT.csv"), "DIRECT (2).csv");
    }

    #[test]
    fn open_entry_is_abandoned_by_finish() {
        let mut zip = ZipStream::new(DOS);
        let mut out = Vec::new();
        stream_entry(&mut zip, &mut out, "ok.txt", Some(2), b"ok", 2);
        out.extend_from_slice(&zip.start_entry("cut.txt", Some(10)));
        out.extend_from_slice(&zip.data(Bytes::from_static(b"cut")));
        let expected_len = zip.written() + DESCRIPTOR_LEN as u64;
        let tail = zip.finish();
        assert_eq!(u32_at(&tail, 0), DATA_DESCRIPTOR_SIGNATURE);
        out.extend_from_slice(&tail);
        check_archive(&out, &[("ok.txt", b"ok")]);
        // The central directory starts right after that descriptor.
        let end = out.len() - END_LEN;
        assert_eq!(u64::from(u32_at(&out, end + 16)), expected_len);
    }

    #[test]
    fn whole_entry_manifest() {
        let manifest = b"file;size;sha256\na.csv;13;abc\n";
        let mut zip = ZipStream::new(DOS);
        let mut out = Vec::new();
        stream_entry(&mut zip, &mut out, "a.csv", None, b"id;amount\n1;2", 5);
        let whole = zip.whole_entry("manifest.csv", manifest);
        out.extend_from_slice(&whole);
        assert_eq!(zip.written(), out.len() as u64);
        assert!(zip.open.is_none());
        out.extend_from_slice(&zip.finish());
        check_archive(&out, &[("a.csv", b"id;amount\n1;2"), ("manifest.csv", manifest)]);
    }

    #[test]
    #[should_panic(expected = "while entry \"a\" is open")]
    fn start_while_open_panics() {
        let mut zip = ZipStream::new(DOS);
        zip.start_entry("a", None);
        zip.start_entry("b", None);
    }

    #[test]
    #[should_panic(expected = "must not be empty")]
    fn empty_name_panics() {
        ZipStream::new(DOS).start_entry("", None);
    }

    #[test]
    #[should_panic(expected = "70000 bytes long")]
    fn too_long_name_panics() {
        ZipStream::new(DOS).start_entry(&"x".repeat(70_000), None);
    }

    #[test]
    fn entries_can_follow_each_other() {
        let mut zip = ZipStream::new(DOS);
        zip.start_entry("a", None);
        zip.finish_entry();
        zip.start_entry("b", None);
        zip.abandon_entry();
        zip.whole_entry("c", b"c");
        zip.start_entry("d", None);
        assert_eq!(zip.entries.len(), 2);
    }

    #[test]
    #[should_panic(expected = "no entry open")]
    fn data_without_entry_panics() {
        let mut zip = ZipStream::new(DOS);
        zip.data(Bytes::from_static(b"x"));
    }

    #[test]
    fn zip64_paths_with_lowered_limits() {
        // Every entry is at or past the lowered size limit in offset, most
        // in size too, and the count and central directory overflow as well.
        let mut zip = ZipStream::with_limits(DOS, tiny_limits());
        let mut out = Vec::new();
        // Hint under the limit and stays under it: classic layout, but its
        // offset 0 is fine; the next ones start past the limit.
        stream_entry(&mut zip, &mut out, "small.txt", Some(3), b"abc", 2);
        // Past the offset limit: Zip64 layout although the hint is small.
        stream_entry(&mut zip, &mut out, "offset.txt", Some(3), b"def", 2);
        // Unknown size, bigger than the limit.
        stream_entry(&mut zip, &mut out, "unknown.txt", None, b"0123456789abcdef", 5);
        // Hint at the limit.
        stream_entry(&mut zip, &mut out, "hinted.txt", Some(10), b"0123456789", 5);
        let whole = zip.whole_entry("manifest.csv", b"name\nsmall.txt\n");
        out.extend_from_slice(&whole);
        out.extend_from_slice(&zip.finish());

        check_archive(
            &out,
            &[
                ("small.txt", b"abc"),
                ("offset.txt", b"def"),
                ("unknown.txt", b"0123456789abcdef"),
                ("hinted.txt", b"0123456789"),
                ("manifest.csv", b"name\nsmall.txt\n"),
            ],
        );

        // Classic end record with sentinels, Zip64 locator and end record before it.
        let end = out.len() - END_LEN;
        assert_eq!(u32_at(&out, end), END_SIGNATURE);
        assert_eq!(u16_at(&out, end + 8), U16_SENTINEL);
        assert_eq!(u16_at(&out, end + 10), U16_SENTINEL);
        assert_eq!(u32_at(&out, end + 12), U32_SENTINEL);
        assert_eq!(u32_at(&out, end + 16), U32_SENTINEL);
        let locator = end - ZIP64_LOCATOR_LEN;
        assert_eq!(u32_at(&out, locator), ZIP64_LOCATOR_SIGNATURE);
        let zip64_end = u64_at(&out, locator + 8) as usize;
        assert_eq!(zip64_end, locator - ZIP64_END_LEN);
        assert_eq!(u32_at(&out, zip64_end), ZIP64_END_SIGNATURE);
        assert_eq!(u64_at(&out, zip64_end + 24), 5);
        assert_eq!(u64_at(&out, zip64_end + 32), 5);
        let central_size = u64_at(&out, zip64_end + 40);
        let central_start = u64_at(&out, zip64_end + 48);
        assert_eq!(central_start + central_size, zip64_end as u64);
        assert_eq!(u32_at(&out, central_start as usize), CENTRAL_HEADER_SIGNATURE);

        // The offsets come from the Zip64 extra fields: the second entry's
        // central record has the offset sentinel.
        let mut reader = open(&out);
        let offsets: Vec<u64> = (0..reader.len())
            .map(|i| reader.by_index(i).unwrap().header_start())
            .collect();
        assert_eq!(offsets[0], 0);
        assert!(offsets[1] >= 10);
        for &offset in &offsets {
            assert_eq!(u32_at(&out, offset as usize), LOCAL_HEADER_SIGNATURE);
        }
    }

    #[test]
    fn hint_too_small_falls_back_to_zip64_descriptor() {
        let mut zip = ZipStream::with_limits(
            DOS,
            Limits {
                size: 100,
                count: 0xFFFF,
            },
        );
        let mut out = Vec::new();
        let content = vec![b'z'; 150];
        out.extend_from_slice(&zip.start_entry("grew.bin", Some(50)));
        out.extend_from_slice(&zip.data(Bytes::from(content.clone())));
        let descriptor = zip.finish_entry();
        assert_eq!(descriptor.len(), ZIP64_DESCRIPTOR_LEN);
        out.extend_from_slice(&descriptor);
        out.extend_from_slice(&zip.finish());
        // Readers that use the central directory read it; the local header
        // has no Zip64 extra field, so check_archive's layout check does not apply.
        let mut reader = open(&out);
        let mut file = reader.by_index(0).unwrap();
        let mut read = Vec::new();
        file.read_to_end(&mut read).unwrap();
        assert_eq!(read, content);
        assert_eq!(file.crc32(), crc32fast::hash(&content));
    }

    #[test]
    fn many_entries_use_zip64_end_record() {
        // Real limits: 65,535 entries need the Zip64 end record.
        let count = 65_540;
        let mut zip = ZipStream::new(DOS);
        let mut out = Vec::with_capacity(8 << 20);
        for i in 0..count {
            let name = format!("{i}.txt");
            out.extend_from_slice(&zip.whole_entry(&name, name.as_bytes()));
        }
        out.extend_from_slice(&zip.finish());
        let end = out.len() - END_LEN;
        assert_eq!(u16_at(&out, end + 10), U16_SENTINEL);
        assert_ne!(u32_at(&out, end + 16), U32_SENTINEL, "offset still fits");
        assert_eq!(u32_at(&out, end - ZIP64_LOCATOR_LEN), ZIP64_LOCATOR_SIGNATURE);
        let mut reader = open(&out);
        assert_eq!(reader.len(), count);
        for i in [0, 65_534, 65_535, count - 1] {
            let mut file = reader.by_index(i).unwrap();
            let mut read = String::new();
            file.read_to_string(&mut read).unwrap();
            assert_eq!(read, format!("{i}.txt"));
            assert_eq!(file.name().unwrap(), read);
        }
    }

    #[test]
    fn dos_date_time_encodes_and_clamps() {
        assert_eq!(dos_date_time(2024, 5, 17, 13, 29, 31), DOS);
        assert_eq!(
            dos_date_time(2024, 5, 17, 13, 29, 31),
            ((13 << 11) | (29 << 5) | 15, (44 << 9) | (5 << 5) | 17)
        );
        assert_eq!(dos_date_time(1970, 1, 1, 0, 0, 0), (0, (1 << 5) | 1));
        assert_eq!(
            dos_date_time(2300, 1, 1, 0, 0, 0),
            ((23 << 11) | (59 << 5) | 29, (127 << 9) | (12 << 5) | 31)
        );
        assert_eq!(
            dos_date_time(2000, 0, 0, 99, 99, 99),
            dos_date_time(2000, 1, 1, 23, 59, 59)
        );
    }

    #[test]
    fn unique_name_cases() {
        let mut zip = ZipStream::new(DOS);
        assert_eq!(zip.unique_name("report.csv"), "report.csv");
        assert_eq!(zip.unique_name("report.csv"), "report (2).csv");
        // Case-insensitive clash with both names above.
        assert_eq!(zip.unique_name("REPORT.csv"), "REPORT (3).csv");
        assert_eq!(zip.unique_name("report (2).csv"), "report (2) (2).csv");
        assert_eq!(zip.unique_name("README"), "README");
        assert_eq!(zip.unique_name("README"), "README (2)");
        assert_eq!(zip.unique_name("archive.tar.gz"), "archive.tar.gz");
        assert_eq!(zip.unique_name("archive.tar.gz"), "archive.tar (2).gz");
        assert_eq!(zip.unique_name("a/b\\c:d.pdf"), "a_b_c_d.pdf");
        assert_eq!(zip.unique_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(zip.unique_name("..hidden"), "hidden");
        assert_eq!(zip.unique_name(".env"), "env");
        assert_eq!(zip.unique_name("tab\there\n.txt"), "tab_here_.txt");
        assert_eq!(zip.unique_name("del\u{7f}.txt"), "del_.txt");
        assert_eq!(zip.unique_name("what?<*>|\".txt"), "what______.txt");
        assert_eq!(zip.unique_name("  spaced name . "), "spaced name");
        assert_eq!(zip.unique_name(""), "file");
        assert_eq!(zip.unique_name("..."), "file (2)");
        assert_eq!(zip.unique_name("con.txt"), "_con.txt");
        assert_eq!(zip.unique_name("LPT1"), "_LPT1");
        assert_eq!(zip.unique_name("console.txt"), "console.txt");
        assert_eq!(zip.unique_name("Über.xml"), "Über.xml");
        assert_eq!(zip.unique_name("über.XML"), "über (2).XML");

        // Long names are cut on a character boundary and keep the extension.
        let long = format!("{}.csv", "é".repeat(150));
        let first = zip.unique_name(&long);
        assert!(first.len() <= SAFE_NAME_MAX_BYTES, "{}", first.len());
        assert!(first.ends_with("é.csv"));
        let second = zip.unique_name(&long);
        assert_eq!(second, format!("{} (2).csv", first.trim_end_matches(".csv")));
        // A very long "extension" is not kept.
        let odd = format!("a.{}", "b".repeat(300));
        assert_eq!(zip.unique_name(&odd).len(), SAFE_NAME_MAX_BYTES);

        // Names from unique_name work as entry names.
        let name = zip.unique_name("x/y.csv");
        assert_eq!(zip.start_entry(&name, Some(0)).len(), LOCAL_HEADER_LEN + name.len());
    }

    /// Writes sample archives for checking with outside tools:
    /// `cargo test -- --ignored write_samples` then, for each file,
    /// `python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip(), z.namelist())" F`
    /// and `unzip -t F`.
    #[test]
    #[ignore = "writes files for manual checks with outside tools"]
    fn write_samples() {
        let dir = std::env::temp_dir().join("zip_stream_samples");
        std::fs::create_dir_all(&dir).unwrap();
        for (file, limits) in [("normal.zip", ZIP_LIMITS), ("zip64.zip", tiny_limits())] {
            let mut zip = ZipStream::with_limits(DOS, limits);
            let mut out = Vec::new();
            stream_entry(&mut zip, &mut out, "a.csv", Some(13), b"id;amount\n1;2", 4);
            out.extend_from_slice(&zip.start_entry("broken.pdf", Some(100)));
            out.extend_from_slice(&zip.data(Bytes::from_static(b"%PDF-1.7 half")));
            out.extend_from_slice(&zip.abandon_entry().0);
            stream_entry(&mut zip, &mut out, "Überweisung.xml", None, b"<x>\n</x>\n", 3);
            stream_entry(&mut zip, &mut out, "hinted.txt", Some(12), b"hello world\n", 5);
            out.extend_from_slice(&zip.whole_entry("manifest.csv", b"name\na.csv\n"));
            out.extend_from_slice(&zip.finish());
            let path = dir.join(file);
            std::fs::write(&path, &out).unwrap();
            println!("wrote {}", path.display());
        }

        // A hinted entry that outgrows the (lowered) limit.
        let mut zip = ZipStream::with_limits(
            DOS,
            Limits {
                size: 100,
                count: 0xFFFF,
            },
        );
        let mut out = Vec::new();
        stream_entry(&mut zip, &mut out, "grew.bin", Some(50), &[b'z'; 150], 64);
        stream_entry(&mut zip, &mut out, "after.txt", Some(6), b"after\n", 64);
        out.extend_from_slice(&zip.finish());
        std::fs::write(dir.join("fallback.zip"), &out).unwrap();

        // Real limits, more than 65,535 entries.
        let mut zip = ZipStream::new(DOS);
        let mut out = Vec::new();
        for i in 0..65_540 {
            let name = format!("{i}.txt");
            out.extend_from_slice(&zip.whole_entry(&name, name.as_bytes()));
        }
        out.extend_from_slice(&zip.finish());
        std::fs::write(dir.join("many.zip"), &out).unwrap();
    }

    /// The real thing: a 4.1 GiB entry, an entry past 4 GiB and a central
    /// directory past 4 GiB, written to a temporary file and read back with
    /// the `zip` crate and, if it is installed, Python's `zipfile`.
    /// Needs about 4.5 GB of free disk; run in release mode:
    /// `cargo test --release -- --ignored four_gib`. Set `ZIP_STREAM_KEEP_4GIB`
    /// to keep the file (in the temporary directory) for other tools.
    #[test]
    #[ignore = "writes and reads 4.1 GiB"]
    fn four_gib_archive() {
        use std::io::Write;
        const CHUNK: usize = 1 << 20;
        const BIG: u64 = 4200 * (1 << 20);
        let pattern: Vec<u8> = (0..CHUNK).map(|i| (i % 253) as u8).collect();
        let chunk = Bytes::from(pattern);
        let mut expected_crc = crc32fast::Hasher::new();
        for _ in 0..BIG / CHUNK as u64 {
            expected_crc.update(&chunk);
        }
        let expected_crc = expected_crc.finalize();

        let path = std::env::temp_dir().join("zip_stream_4gib.zip");
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let mut zip = ZipStream::new(DOS);
        file.write_all(&zip.whole_entry("first.txt", b"first")).unwrap();
        file.write_all(&zip.start_entry("big.bin", None)).unwrap();
        for _ in 0..BIG / CHUNK as u64 {
            file.write_all(&zip.data(chunk.clone())).unwrap();
        }
        file.write_all(&zip.finish_entry()).unwrap();
        // Starts past 4 GiB: Zip64 layout from its offset alone.
        file.write_all(&zip.whole_entry("after.txt", b"after")).unwrap();
        let total = zip.written();
        assert!(total > 1 << 32);
        file.write_all(&zip.finish()).unwrap();
        file.flush().unwrap();
        drop(file);

        let reader = std::fs::File::open(&path).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::BufReader::new(reader)).unwrap();
        assert_eq!(archive.len(), 3);
        {
            let big = archive.by_name("big.bin").unwrap();
            assert_eq!(big.size(), BIG);
            assert_eq!(big.crc32(), expected_crc);
        }
        let mut after = archive.by_name("after.txt").unwrap();
        assert!(after.header_start() > 1 << 32);
        let mut read = String::new();
        after.read_to_string(&mut read).unwrap();
        assert_eq!(read, "after");
        drop(after);
        // Reads the whole big entry; the reader checks its CRC at the end.
        let mut big = archive.by_name("big.bin").unwrap();
        let copied = std::io::copy(&mut big, &mut std::io::sink()).unwrap();
        assert_eq!(copied, BIG);
        drop(big);

        let python = std::process::Command::new("python3")
            .arg("-c")
            .arg(
                "import sys, zipfile\n\
                 z = zipfile.ZipFile(sys.argv[1])\n\
                 assert z.testzip() is None\n\
                 print([(i.filename, i.file_size, i.header_offset) for i in z.infolist()])",
            )
            .arg(&path)
            .output();
        if std::env::var_os("ZIP_STREAM_KEEP_4GIB").is_none() {
            let _ = std::fs::remove_file(&path);
        }
        match python {
            Ok(output) => {
                println!("python: {}", String::from_utf8_lossy(&output.stdout));
                assert!(
                    output.status.success(),
                    "python zipfile failed: {}",
                    String::from_utf8_lossy(&output.stderr)
                );
            }
            Err(e) => println!("python3 not run: {e}"),
        }
    }
}
