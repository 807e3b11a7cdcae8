//! Control characters in forms (issue 8): PostgreSQL cannot store U+0000, so the form boundary
//! drops invisible control characters before any handler sees them, on both engines alike.

use crate::common;
use crate::garbage::text_of_main;

db_test!(
    a_nul_character_in_a_form_is_dropped_not_a_server_error,
    |app| {
        // PostgreSQL cannot store U+0000 in text: a form carrying one once failed with a 500 there.
        app.seed_people().await;
        let mut admin = app
            .sign_in("/petugas/masuk", common::people::ADMIN, common::PASSWORD)
            .await;
        for (path, body) in [
            ("/admin/unit", "code=UNIT-Z&name=Dinas%00Nol"),
            ("/admin/libur", "day=2026-12-30&name=Libur%00Nol"),
        ] {
            let (status, _, page) = app.post_as(path, body, &mut admin).await;
            assert!(status < 500, "{path}: {status} {}", text_of_main(&page));
        }
        // Invisible control characters are dropped at the form boundary, on both engines alike.
        let name: String = sqlx::query_scalar("SELECT name FROM unit WHERE code = 'UNIT-Z'")
            .fetch_one(app.db.read())
            .await
            .unwrap();
        assert_eq!(name, "DinasNol");
    }
);
