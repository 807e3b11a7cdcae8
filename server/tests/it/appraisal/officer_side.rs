//! The officer's side: their own page and contest; who else may read an appraisal; every
//! supervisor and HR read audited once.

use super::*;

db_test!(
    the_officer_reads_their_own_page_and_contests_their_appraisal,
    |app| {
        arrange(&app).await;
        let mut boss = staff(&app, people::SUPERVISOR).await;
        app.post_as(&save_path(), &rating("di_atas", "sesuai", ""), &mut boss)
            .await;
        let id: i64 = sqlx::query_scalar("SELECT appraisal_id FROM appraisal")
            .fetch_one(app.db.read())
            .await
            .unwrap();
        let mut me = staff(&app, people::OFFICER_A).await;
        let officer = account_id(&app, people::OFFICER_A).await;
        let (status, _, page) = app
            .get_as(&format!("/akun/kinerja?periode={PERIOD}"), &me)
            .await;
        assert_eq!(status, 200);
        let page = visible(&page);
        assert!(
            page.contains("Kinerja saya") && page.contains("data-code=\"baik\""),
            "{page}"
        );
        assert!(page.contains("data-testid=\"score-n\">22<"), "{page}");
        assert!(page.contains("data-testid=\"contest-form\""), "{page}");
        // Reading one's own page is not an audited read of someone else's appraisal.
        assert_eq!(audits(&app, "appraisal.viewed", officer).await, 0);
        // The account page links to it.
        let (_, _, account) = app.get_as("/akun", &me).await;
        assert!(account.contains("href=\"/akun/kinerja\""));

        let contest = |reason: &str| {
            format!(
                "appraisal_id={id}&period={PERIOD}&reason={}",
                common::enc(reason)
            )
        };
        let (status, _, page) = app
            .post_as("/akun/kinerja/keberatan", &contest("Tidak adil"), &mut me)
            .await;
        assert_eq!(status, 422);
        assert!(
            visible(&page)
                .contains("Alasan keberatan terlalu singkat: tulis sedikitnya 20 karakter."),
            "{page}"
        );
        let (status, _, page) = app
            .post_as("/akun/kinerja/keberatan", &contest(""), &mut me)
            .await;
        assert_eq!(status, 422);
        assert!(
            visible(&page).contains("Tuliskan alasan keberatan Anda."),
            "{page}"
        );
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM appraisal_contest").await,
            0
        );
        let reason = "Target SKP saya terlampaui, lihat laporan bulanan.";
        let (status, location, _) = app
            .post_as("/akun/kinerja/keberatan", &contest(reason), &mut me)
            .await;
        assert_eq!(status, 303);
        assert_eq!(
            location.as_deref(),
            Some("/akun/kinerja?periode=2026-S1&ok=keberatan#keberatan")
        );
        assert_eq!(audits(&app, "appraisal.contested", officer).await, 1);
        // One undecided contest at a time.
        let (status, _, page) = app
            .post_as("/akun/kinerja/keberatan", &contest(reason), &mut me)
            .await;
        assert_eq!(status, 422);
        assert!(
            visible(&page).contains("Keberatan Anda sebelumnya masih menunggu keputusan BKPSDM."),
            "{page}"
        );
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM appraisal_contest").await,
            1
        );
        let (_, _, page) = app
            .get_as(&format!("/akun/kinerja?periode={PERIOD}"), &me)
            .await;
        assert!(
            page.contains(reason) && page.contains("Menunggu keputusan BKPSDM"),
            "{page}"
        );
        assert!(!page.contains("data-testid=\"contest-form\""));
        // Nobody else may contest it.
        for who in [people::OFFICER_B, people::SUPERVISOR] {
            let mut other = staff(&app, who).await;
            let (status, _, _) = app
                .post_as("/akun/kinerja/keberatan", &contest(reason), &mut other)
                .await;
            assert_eq!(status, 404, "{who}");
        }
        // After HR has ruled and the period has closed, a new contest is still accepted.
        exec(&app, "UPDATE appraisal_contest SET decision = 'upheld', decision_reason = 'Sesuai bukti.', decided_at = 1").await;
        let hr = viewer(&app, people::HR).await;
        periods::close(&app.db, &hr, PERIOD, &RequestMeta::default())
            .await
            .unwrap();
        let (status, _, _) = app
            .post_as(
                "/akun/kinerja/keberatan",
                &contest("Bukti baru: surat penghargaan dari kepala dinas."),
                &mut me,
            )
            .await;
        assert_eq!(status, 303);
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM appraisal_contest").await,
            2
        );
    }
);

db_test!(
    staff_of_another_unit_cannot_read_an_officers_appraisal,
    |app| {
        arrange(&app).await;
        let mut boss = staff(&app, people::SUPERVISOR).await;
        app.post_as(&save_path(), &rating("di_atas", "sesuai", ""), &mut boss)
            .await;
        let pages = [
            format!("/petugas/penilaian/{}?periode={PERIOD}", people::OFFICER_A),
            format!("/penilaian/{}/cetak?periode={PERIOD}", people::OFFICER_A),
            format!(
                "/api/appraisal/officer?nip={}&period={PERIOD}",
                people::OFFICER_A
            ),
        ];
        for who in [people::OFFICER_B, SUPERVISOR_B, people::ADMIN] {
            let jar = staff(&app, who).await;
            for path in &pages {
                let (status, _, page) = app.get_as(path, &jar).await;
                assert_eq!(status, 404, "{who} {path}");
                assert!(!page.contains("Opi Empat"), "{who} {path}: {page}");
            }
        }
        let citizen = app.sign_in("/masuk", people::CITIZEN_1, PASSWORD).await;
        for path in &pages {
            let (status, _, _) = app.get_as(path, &citizen).await;
            assert_eq!(status, 404, "citizen {path}");
        }
        // Nor the supervisor's list of another unit's supervisor.
        let other = staff(&app, SUPERVISOR_B).await;
        let (status, _, page) = app
            .get_as(&format!("/petugas/penilaian?periode={PERIOD}"), &other)
            .await;
        assert_eq!(status, 200);
        assert!(
            !page.contains("Opi Empat") && page.contains("Tidak ada pegawai yang Anda nilai."),
            "{page}"
        );
        // HR reads every unit.
        let hr = staff(&app, people::HR).await;
        let (status, _, page) = app.get_as(&pages[0], &hr).await;
        assert_eq!(status, 200);
        assert!(page.contains("Opi Empat"));
    }
);

db_test!(every_supervisor_and_hr_read_is_audited_once, |app| {
    arrange(&app).await;
    let boss = staff(&app, people::SUPERVISOR).await;
    let boss_id = account_id(&app, people::SUPERVISOR).await;
    let (status, _, page) = app
        .get_as(&format!("/petugas/penilaian?periode={PERIOD}"), &boss)
        .await;
    assert_eq!(status, 200);
    let page = visible(&page);
    // The list: officer A scored (n, score, interval, suggestion), officer C below the gate.
    let row_a = &page[page
        .find(&format!("data-nip=\"{}\"", people::OFFICER_A))
        .unwrap()..];
    let row_a = &row_a[..row_a.find("</tr>").unwrap()];
    assert!(
        row_a.contains(">22<") && row_a.contains("sesuai ekspektasi") && row_a.contains(" – "),
        "{row_a}"
    );
    let row_c = &page[page.find(&format!("data-nip=\"{OFFICER_C}\"")).unwrap()..];
    let row_c = &row_c[..row_c.find("</tr>").unwrap()];
    assert!(
        row_c.contains("Data belum cukup") && row_c.contains("5 dari minimal 20 jawaban"),
        "{row_c}"
    );
    assert!(
        !row_c.contains(" – ") && !row_c.contains("ekspektasi"),
        "{row_c}"
    );
    assert_eq!(audits(&app, "appraisal.list_viewed", boss_id).await, 1);
    for (i, path) in [
        format!("/petugas/penilaian/{}?periode={PERIOD}", people::OFFICER_A),
        format!("/penilaian/{}/cetak?periode={PERIOD}", people::OFFICER_A),
    ]
    .iter()
    .enumerate()
    {
        let (status, _, _) = app.get_as(path, &boss).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(
            audits(&app, "appraisal.viewed", boss_id).await,
            i as i64 + 1,
            "{path} is audited exactly once"
        );
    }
    let subject: String = sqlx::query_scalar(
        "SELECT subject FROM audit_event WHERE action = 'appraisal.viewed' LIMIT 1",
    )
    .fetch_one(app.db.read())
    .await
    .unwrap();
    assert_eq!(
        subject,
        format!("staff:{}", account_id(&app, people::OFFICER_A).await)
    );
    // A refused form shows the page again: that read is audited too.
    let mut boss = boss;
    app.post_as(&save_path(), &rating("", "", ""), &mut boss)
        .await;
    assert_eq!(audits(&app, "appraisal.viewed", boss_id).await, 3);
    let hr = staff(&app, people::HR).await;
    let hr_id = account_id(&app, people::HR).await;
    app.get_as(
        &format!(
            "/api/appraisal/officer?nip={}&period={PERIOD}",
            people::OFFICER_A
        ),
        &hr,
    )
    .await;
    assert_eq!(audits(&app, "appraisal.viewed", hr_id).await, 1);
});
