//! Delivering outbox messages: SMTP through lettre when `SIGAP_SMTP_URL` is set, otherwise
//! files in a development mailbox folder (never the log: messages may carry one-time links).

use super::outbox::Claimed;
use lettre::{
    message::{header::ContentType, Mailbox},
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use std::path::PathBuf;

/// Where messages go.
#[derive(Clone)]
pub enum Mailer {
    /// A real mail server.
    Smtp {
        /// The pooled SMTP connection.
        transport: AsyncSmtpTransport<Tokio1Executor>,
        /// The sender.
        from: Mailbox,
    },
    /// Development: one `.eml` file per message in this folder.
    Folder(PathBuf),
}

impl Mailer {
    /// An SMTP mailer from a URL like `smtps://user:pass@mail.kota.go.id:465`.
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("invalid SIGAP_SMTP_URL: {e}"))?
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("invalid SIGAP_MAIL_FROM: {e}"))?;
        Ok(Mailer::Smtp { transport, from })
    }

    /// Sends one message.
    pub async fn deliver(&self, msg: &Claimed) -> Result<(), String> {
        let message_id = format!("<outbox-{}@sigap>", msg.outbox_id);
        match self {
            Mailer::Smtp { transport, from } => {
                let to: Mailbox = msg
                    .recipient
                    .parse()
                    .map_err(|e| format!("recipient: {e}"))?;
                let email = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(&msg.subject)
                    .message_id(Some(message_id))
                    .header(ContentType::TEXT_PLAIN)
                    .body(msg.body.clone())
                    .map_err(|e| format!("building message: {e}"))?;
                transport
                    .send(email)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
            Mailer::Folder(dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| e.to_string())?;
                let path = dir.join(format!("{:08}.eml", msg.outbox_id));
                let text = format!(
                    "Message-ID: {message_id}\nTo: {}\nSubject: {}\n\n{}\n",
                    msg.recipient, msg.subject, msg.body
                );
                tokio::fs::write(&path, text)
                    .await
                    .map_err(|e| e.to_string())
            }
        }
    }
}
