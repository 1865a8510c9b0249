//! Which credentials a WoztellClient's calls carry, from its settings: the
//! channel's access token, the signed context (Payload + SignedContext
//! headers), or both; each endpoint takes the one Woztell documents (`Auth`).

use super::signed_context;
use crate::api::auth::Credentials;
use crate::Error;

/// The settings that decide a client's credentials (each already checked
/// for header-breaking characters by the binding).
#[derive(Default)]
pub struct Settings<'a> {
    /// The channel's access token.
    pub token: Option<&'a str>,
    /// Where the token goes: "body" (default), "query" or "both".
    pub token_in: Option<&'a str>,
    /// `appId`, `appIntegrationId`, `channelId`, `signature`: all four or none.
    pub signed: [Option<&'a str>; 4],
}

/// The credentials of each kind of call, where the settings give them (no
/// `Debug`: they hold secrets).
pub struct WoztellCredentials {
    /// Calls that take the token (`Auth::Token`).
    pub token: Option<Credentials>,
    /// Calls that take the signed context (`Auth::Signed`).
    pub signed: Option<Credentials>,
    /// Calls that take the signed context and, when given, the token (`Auth::Both`).
    pub both: Option<Credentials>,
    /// The token for request bodies (not when it goes in the query only).
    pub body_token: Option<String>,
}

/// The credentials `settings` give, or why they are not usable.
pub fn credentials(settings: &Settings<'_>) -> Result<WoztellCredentials, Error> {
    // Default "body": a token in a URL ends up in proxy and server logs; calls
    // without a body (GET) can only carry it in the query.
    let placement = settings.token_in.unwrap_or("body");
    if !matches!(placement, "query" | "body" | "both") {
        return Err(Error::invalid_argument(
            "WoztellClient: accessTokenIn is \"query\", \"body\" or \"both\"",
        ));
    }
    let signed = match settings.signed {
        [Some(app), Some(integration), Some(channel), Some(signature)] => {
            let (payload, context) = signed_context(app, integration, channel, signature)?;
            Some(
                Credentials::default()
                    .with_header("X-Woztell-Payload", payload, None)
                    .with_header("X-Woztell-SignedContext", context, Some(signature)),
            )
        }
        // The channel id alone is a setting of its own (calls name the channel).
        [None, None, _, None] => None,
        _ => {
            return Err(Error::invalid_argument(
                "WoztellClient: the signed context needs appId, appIntegrationId, channelId and signature together",
            ))
        }
    };
    let token = settings.token;
    if token.is_none() && signed.is_none() {
        return Err(Error::invalid_argument(
            "WoztellClient: give accessToken, or appId, appIntegrationId, channelId and signature (or both)",
        ));
    }
    let with_token = |credentials: Credentials| match token {
        Some(token) if placement == "body" => credentials.with_query_unless_body("accessToken", token),
        Some(token) => credentials.with_query("accessToken", token),
        None => credentials,
    };
    Ok(WoztellCredentials {
        token: token.map(|_| with_token(Credentials::default())),
        both: signed.clone().map(with_token),
        signed,
        body_token: token.filter(|_| placement != "query").map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIGNED: [Option<&str>; 4] = [Some("app1"), Some("int-2"), Some("chan_3"), Some("sig.nature")];

    fn made(settings: &Settings<'_>) -> WoztellCredentials {
        match credentials(settings) {
            Ok(made) => made,
            Err(error) => panic!("refused: {}", error.message),
        }
    }

    fn refused(settings: &Settings<'_>) -> Error {
        credentials(settings).err().expect("refused settings")
    }

    #[test]
    fn a_token_alone_serves_token_calls_and_goes_in_bodies_by_default() {
        let made = made(&Settings { token: Some("tok"), ..Settings::default() });
        assert!(made.token.is_some() && made.signed.is_none() && made.both.is_none());
        assert_eq!(made.body_token.as_deref(), Some("tok"));
        let query = super::tests::made(&Settings {
            token: Some("tok"),
            token_in: Some("query"),
            ..Settings::default()
        });
        assert_eq!(query.body_token, None, "a query-only token is not put in bodies");
        let both = super::tests::made(&Settings {
            token: Some("tok"),
            token_in: Some("both"),
            ..Settings::default()
        });
        assert_eq!(both.body_token.as_deref(), Some("tok"));
    }

    #[test]
    fn the_signed_context_needs_all_four_and_serves_signed_and_both_calls() {
        let made = made(&Settings { signed: SIGNED, ..Settings::default() });
        assert!(made.token.is_none() && made.signed.is_some() && made.both.is_some());
        assert_eq!(made.body_token, None);
        let channel_only = [None, None, Some("chan_3"), None];
        let error = refused(&Settings { signed: channel_only, ..Settings::default() });
        assert!(error.message.contains("give accessToken"), "{}", error.message);
        for missing in 0..4 {
            let mut partial = SIGNED;
            partial[missing] = None;
            let error = refused(&Settings { signed: partial, ..Settings::default() });
            assert!(error.message.contains("together"), "{missing}: {}", error.message);
        }
    }

    #[test]
    fn nothing_or_an_unknown_placement_is_refused_without_echoing_a_secret() {
        assert_eq!(refused(&Settings::default()).code, "invalid_argument");
        let error =
            refused(&Settings { token: Some("secret-tok"), token_in: Some("header"), ..Settings::default() });
        assert!(error.message.contains("accessTokenIn") && !error.message.contains("secret-tok"));
    }
}
