//! Uploaded documents: what a file really is (by its first bytes, never its name or the type
//! the browser claims), whether a requirement accepts it, and a display name stripped of path
//! tricks. Nothing here touches the disk.

use serde::{Deserialize, Serialize};

/// The kinds of document citizens may upload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// PDF (`%PDF-`).
    Pdf,
    /// JPEG (`FF D8 FF`).
    Jpeg,
    /// PNG (`89 50 4E 47 0D 0A 1A 0A`).
    Png,
}

impl DocKind {
    /// Every kind, in display order.
    pub const ALL: [DocKind; 3] = [DocKind::Pdf, DocKind::Jpeg, DocKind::Png];

    /// Code used in service definitions (`pdf,jpeg,png`).
    pub fn code(self) -> &'static str {
        match self {
            DocKind::Pdf => "pdf",
            DocKind::Jpeg => "jpeg",
            DocKind::Png => "png",
        }
    }

    /// The content type documents are served with.
    pub fn mime(self) -> &'static str {
        match self {
            DocKind::Pdf => "application/pdf",
            DocKind::Jpeg => "image/jpeg",
            DocKind::Png => "image/png",
        }
    }

    /// The file extension for downloads.
    pub fn extension(self) -> &'static str {
        match self {
            DocKind::Pdf => "pdf",
            DocKind::Jpeg => "jpg",
            DocKind::Png => "png",
        }
    }

    /// Reads a code (`jpg` is accepted for JPEG).
    pub fn parse(code: &str) -> Option<DocKind> {
        match code.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(DocKind::Pdf),
            "jpeg" | "jpg" => Some(DocKind::Jpeg),
            "png" => Some(DocKind::Png),
            _ => None,
        }
    }

    /// What the bytes are, by their signature.
    pub fn sniff(bytes: &[u8]) -> Option<DocKind> {
        if bytes.starts_with(b"%PDF-") {
            Some(DocKind::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(DocKind::Jpeg)
        } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(DocKind::Png)
        } else {
            None
        }
    }
}

/// Parses a service's accepted-types list (`pdf,jpeg,png`); unknown codes are dropped.
pub fn parse_kinds(list: &str) -> Vec<DocKind> {
    let mut kinds: Vec<DocKind> = list.split(',').filter_map(DocKind::parse).collect();
    kinds.dedup();
    kinds
}

/// Why an upload was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    /// No bytes.
    #[error("empty file")]
    Empty,
    /// Larger than the requirement allows.
    #[error("file larger than {max_kb} KB")]
    TooLarge {
        /// The limit in KB.
        max_kb: u32,
    },
    /// Not one of the kinds the requirement accepts (judged by content).
    #[error("file type not accepted")]
    WrongType,
    /// An image whose header declares absurd dimensions (a decompression bomb).
    #[error("image dimensions implausible")]
    ImplausibleImage,
}

/// Largest pixel count accepted in an image (about 40 megapixels: any phone photo passes).
pub const MAX_PIXELS: u64 = 40_000_000;

/// Checks an upload against a requirement's accepted kinds and size limit.
pub fn check_upload(
    bytes: &[u8],
    accepted: &[DocKind],
    max_kb: u32,
) -> Result<DocKind, UploadError> {
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    if bytes.len() as u64 > u64::from(max_kb) * 1024 {
        return Err(UploadError::TooLarge { max_kb });
    }
    let kind = DocKind::sniff(bytes).ok_or(UploadError::WrongType)?;
    if !accepted.contains(&kind) {
        return Err(UploadError::WrongType);
    }
    if let Some((w, h)) = image_dimensions(kind, bytes) {
        if w == 0 || h == 0 || u64::from(w) * u64::from(h) > MAX_PIXELS {
            return Err(UploadError::ImplausibleImage);
        }
    }
    Ok(kind)
}

/// Width and height from a PNG's IHDR or a JPEG's first SOF marker, without decoding.
pub fn image_dimensions(kind: DocKind, bytes: &[u8]) -> Option<(u32, u32)> {
    match kind {
        DocKind::Png => {
            let ihdr = bytes.get(12..24)?;
            if &ihdr[..4] != b"IHDR" {
                return Some((0, 0));
            }
            let w = u32::from_be_bytes(ihdr[4..8].try_into().ok()?);
            let h = u32::from_be_bytes(ihdr[8..12].try_into().ok()?);
            Some((w, h))
        }
        DocKind::Jpeg => {
            let mut i = 2;
            while i + 9 < bytes.len() {
                if bytes[i] != 0xFF {
                    i += 1;
                    continue;
                }
                let marker = bytes[i + 1];
                let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
                if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
                    let h = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]);
                    let w = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]);
                    return Some((u32::from(w), u32::from(h)));
                }
                i += 2 + len.max(2);
            }
            None
        }
        DocKind::Pdf => None,
    }
}

/// A file name fit for display: the last path component, control and quote characters removed,
/// at most 100 characters; `dokumen` if nothing is left.
pub fn display_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '\'' | '`'))
        .take(100)
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_owned();
    if clean.is_empty() {
        "dokumen".to_owned()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        b.extend_from_slice(b"IHDR");
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    #[test]
    fn the_type_comes_from_the_content_not_the_name() {
        assert_eq!(DocKind::sniff(b"%PDF-1.7 ..."), Some(DocKind::Pdf));
        assert_eq!(
            DocKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(DocKind::Jpeg)
        );
        assert_eq!(DocKind::sniff(&png(10, 10)), Some(DocKind::Png));
        assert_eq!(DocKind::sniff(b"MZ\x90\x00 this is an exe"), None);
        assert_eq!(DocKind::sniff(b"<html>"), None);
    }

    #[test]
    fn uploads_are_checked_for_size_type_and_acceptance() {
        let pdf = b"%PDF-1.4 hello".to_vec();
        assert_eq!(check_upload(&pdf, &[DocKind::Pdf], 1), Ok(DocKind::Pdf));
        assert_eq!(
            check_upload(&[], &[DocKind::Pdf], 1),
            Err(UploadError::Empty)
        );
        assert_eq!(
            check_upload(&vec![b'%'; 2048], &[DocKind::Pdf], 1),
            Err(UploadError::TooLarge { max_kb: 1 })
        );
        assert_eq!(
            check_upload(&pdf, &[DocKind::Png], 1),
            Err(UploadError::WrongType)
        );
        assert_eq!(
            check_upload(b"GIF89a", &DocKind::ALL, 1),
            Err(UploadError::WrongType)
        );
    }

    #[test]
    fn an_image_declaring_absurd_dimensions_is_refused() {
        assert!(check_upload(&png(4000, 3000), &DocKind::ALL, 100).is_ok());
        assert_eq!(
            check_upload(&png(100_000, 100_000), &DocKind::ALL, 100),
            Err(UploadError::ImplausibleImage)
        );
        assert_eq!(
            check_upload(&png(0, 10), &DocKind::ALL, 100),
            Err(UploadError::ImplausibleImage)
        );
    }

    #[test]
    fn jpeg_dimensions_are_read_from_the_frame_header() {
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x0B, 0xB8, 0x0F, 0xA0, 0x03]);
        assert_eq!(image_dimensions(DocKind::Jpeg, &jpeg), Some((4000, 3000)));
    }

    #[test]
    fn names_lose_their_path_tricks() {
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("C:\\Users\\x\\KTP saya.pdf"), "KTP saya.pdf");
        assert_eq!(display_name("..\\..\\"), "dokumen");
        assert_eq!(display_name("a\u{0}b\"<script>.pdf"), "abscript.pdf");
        assert_eq!(display_name(".htaccess"), "htaccess");
    }

    #[test]
    fn accepted_type_lists_parse() {
        assert_eq!(
            parse_kinds("pdf, JPG,png,exe"),
            vec![DocKind::Pdf, DocKind::Jpeg, DocKind::Png]
        );
    }
}
