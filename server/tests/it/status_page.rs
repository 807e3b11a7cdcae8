//! The application status page, on SQLite and PostgreSQL: each requirement shows the document
//! that currently meets it and the correction asked of it, the general correction note shows
//! while it is open, and both go once the citizen resubmits. (The page reads requirements,
//! documents and corrections in one statement, and the calendar with the clock's pauses in
//! another; these tests pin what it shows.)

use crate::applying;

use app::i18n::{apply as ap, I18n, Lang};
use applying::{png, state_of, step_ok, upload, visible};

const ID: I18n = I18n { lang: Lang::Id };

/// The requirements list of a status page (its `doc-list`), as text with the markup's hydration
/// markers removed.
fn documents_of(page: &str) -> String {
    let page = visible(page);
    let start = page
        .find("class=\"doc-list\"")
        .expect("the requirements list");
    let end = start + page[start..].find("</ul>").expect("the list's end");
    page[start..end].to_owned()
}

fn asked(note: &str) -> String {
    ID.f(ap::CORRECTION_ASKED, &[("note", &note)])
}

db_test!(
    the_status_page_shows_current_documents_and_open_corrections,
    |app| {
        // Arrange: an application submitted with both documents.
        let mut s = applying::submitted(&app).await;
        let status = format!("/permohonan/{}", s.id);
        let (code, _, page) = app.get_as(&status, &s.citizen).await;
        assert_eq!(code, 200, "{page}");
        let list = documents_of(&page);
        let (ktp, letter) = (list.find("KTP pemohon"), list.find("Surat pernyataan"));
        assert!(ktp.is_some() && letter.is_some() && ktp < letter, "{list}");
        assert!(
            list.contains("ktp.pdf") && list.contains("surat.pdf"),
            "{list}"
        );
        assert!(!list.contains("class=\"correction\""), "{list}");

        // Act: the officer asks for a better KTP and, generally, for the business address.
        step_ok(&app, &mut s.officer, s.id, "action=start_verification").await;
        let ask = format!(
            "action=request_correction&note_{}=Foto+KTP+buram&note=Lengkapi+alamat+usaha",
            s.service.ktp
        );
        step_ok(&app, &mut s.officer, s.id, &ask).await;

        // Assert: the note sits on the KTP row only; the general note above the list.
        let (_, _, page) = app.get_as(&status, &s.citizen).await;
        let list = documents_of(&page);
        let note = list.find(&asked("Foto KTP buram")).expect("the KTP's note");
        let ktp = list.find("KTP pemohon").unwrap();
        let letter = list.find("Surat pernyataan").unwrap();
        assert!(ktp < note && note < letter, "{list}");
        assert_eq!(list.matches("class=\"correction\"").count(), 1, "{list}");
        assert!(
            visible(&page).contains(&asked("Lengkapi alamat usaha")),
            "{page}"
        );

        // Act: the citizen replaces the KTP, then resubmits.
        let new_ktp = png(1200, 800);
        let (code, _, page) = upload(
            &app,
            &s.citizen,
            s.id,
            s.service.ktp,
            "ktp-baru.png",
            &new_ktp,
        )
        .await;
        assert_eq!(code, 303, "{page}");
        let (_, _, page) = app.get_as(&status, &s.citizen).await;
        let list = documents_of(&page);
        assert!(list.contains("ktp-baru.png"), "the new document: {list}");
        assert!(!list.contains("ktp.pdf"), "not the replaced one: {list}");
        assert!(list.contains("surat.pdf"), "{list}");
        // Two weeks of holidays from today: the clock that restarts skips them.
        let today = app::server::applications::today(&app.state);
        for n in 0..14 {
            let day = app::server::applications::day_text(today + time::Duration::days(n));
            applying::exec(
                &app,
                &format!(
                    "INSERT INTO holiday (day, name, created_at) VALUES ('{day}', 'Libur {n}', 0)"
                ),
            )
            .await;
        }
        let resubmit = format!("/permohonan/{}/perbaikan", s.id);
        let (code, _, page) = app.post_as(&resubmit, "", &mut s.citizen).await;
        assert_eq!(code, 303, "{page}");
        assert_eq!(state_of(&app, s.id).await, "resubmitted");
        let due: String =
            sqlx::query_scalar("SELECT due_on FROM application WHERE application_id = $1")
                .bind(s.id)
                .fetch_one(app.db.read())
                .await
                .unwrap();
        let after_holidays = app::server::applications::day_text(today + time::Duration::days(14));
        assert!(due > after_holidays, "{due} comes after the holidays");

        // Assert: answered corrections are no longer asked, on either side.
        let case = format!("/petugas/permohonan/{}", s.id);
        for (path, jar) in [(&status, &s.citizen), (&case, &s.officer)] {
            let (code, _, page) = app.get_as(path, jar).await;
            assert_eq!(code, 200, "{path}: {page}");
            let list = documents_of(&page);
            assert!(!list.contains("class=\"correction\""), "{path}: {list}");
            assert!(list.contains("ktp-baru.png"), "{path}: {list}");
            let shown = format!("<dd>{due}</dd>");
            assert!(
                visible(&page).contains(&shown),
                "{path} shows {due}: {page}"
            );
            assert!(
                !visible(&page).contains(&asked("Lengkapi alamat usaha")),
                "{path}: {page}"
            );
        }
    }
);
