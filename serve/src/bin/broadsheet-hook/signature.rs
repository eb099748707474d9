//! The build hook's signature: `X-Broadsheet-Signature: sha256=HEX`, the HMAC-SHA256 of the
//! request body under the secret shared with the WordPress plugin (wordpress/broadsheet-sync.php),
//! GitHub's webhook scheme.

use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const HEADER: &str = "x-broadsheet-signature";

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("no X-Broadsheet-Signature header")]
    Missing,
    #[error("X-Broadsheet-Signature is not sha256=<64 hex digits>")]
    Malformed,
    #[error("X-Broadsheet-Signature does not match the body under the shared secret")]
    Mismatch,
}

/// Checks `header` (the header's value, if any) against `body`, in constant time.
pub fn verify(secret: &[u8], body: &[u8], header: Option<&[u8]>) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let digest = header
        .strip_prefix(b"sha256=")
        .and_then(|hex_digits| hex::decode(hex_digits).ok())
        .filter(|digest| digest.len() == 32)
        .ok_or(SignatureError::Malformed)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(body);
    mac.verify_slice(&digest)
        .map_err(|_| SignatureError::Mismatch)
}

/// The header value that `verify` accepts for `body`.
#[cfg(test)]
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"event_type":"broadsheet-sync","client_payload":{"changes":[]}}"#;

    #[test]
    fn accepts_the_signature_php_computes() {
        // 'sha256=' . hash_hmac('sha256', 'hello', 's3cret'), as the plugin writes it.
        let php = b"sha256=e5a01537481fa0b2c697f787c7aff885412cf0760d08e08502259b39d2d6ae68";
        assert_eq!(verify(b"s3cret", b"hello", Some(php)), Ok(()));
        assert_eq!(sign(b"s3cret", b"hello").as_bytes(), php);
    }

    #[test]
    fn accepts_the_body_it_was_made_for() {
        let header = sign(b"secret", BODY);
        assert_eq!(verify(b"secret", BODY, Some(header.as_bytes())), Ok(()));
        assert_eq!(
            verify(
                b"secret",
                BODY,
                Some(header.to_uppercase().replace("SHA256", "sha256").as_bytes())
            ),
            Ok(())
        );
    }

    #[test]
    fn refuses_another_body_another_secret_or_no_signature() {
        let header = sign(b"secret", BODY);
        assert_eq!(
            verify(b"secret", b"{}", Some(header.as_bytes())),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"other", BODY, Some(header.as_bytes())),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(verify(b"secret", BODY, None), Err(SignatureError::Missing));
    }

    #[test]
    fn refuses_malformed_headers() {
        for header in [
            "",
            "sha256=",
            "sha1=00",
            "sha256=zz",
            "sha256=abcd",
            &"0".repeat(71),
        ] {
            assert_eq!(
                verify(b"secret", BODY, Some(header.as_bytes())),
                Err(SignatureError::Malformed),
                "{header:?}"
            );
        }
    }
}
