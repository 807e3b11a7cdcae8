//! The follow-up lists HR reads off the appraisals (REFERENCE §5.3) and the CSV/XLSX downloads
//! of the ranking and the lists.

use super::rulings::{appraise, open};
use super::{arrange, staff, viewer, OFFICER_A2, PERIOD};
use crate::common::{people, TestApp};
use app::domain::appraisal::{PerformanceLevel, Potential, Predikat};
use app::domain::skm::Unsur;
use app::server::accounts::RequestMeta;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use std::io::Read;

/// GET with the HR cookies: status, headers and the raw body.
async fn download(app: &TestApp, path: &str) -> (u16, axum::http::HeaderMap, Vec<u8>) {
    let jar = staff(app, people::HR).await;
    let response = app
        .send(
            Request::get(path)
                .header("host", crate::common::HOST)
                .header("cookie", jar.header())
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, bytes.to_vec())
}

/// The text of one part of an XLSX file.
fn xlsx_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

db_test!(the_follow_up_lists_follow_the_appraisals, |app| {
    arrange(&app).await;
    for p in ["2025-S1", "2025-S2", PERIOD] {
        open(&app, p).await;
    }
    // Opi: Sangat Baik in every semester of 2025 and in 2026-S1 → succession pool.
    for p in ["2025-S1", "2025-S2", PERIOD] {
        appraise(&app, p, people::OFFICER_A, "di_atas", "di_atas").await;
    }
    // Obi: Sangat Baik now, but 2025-S2 was Baik: 2025 is not a Sangat Baik year.
    appraise(&app, "2025-S1", people::OFFICER_B, "di_atas", "di_atas").await;
    appraise(&app, "2025-S2", people::OFFICER_B, "sesuai", "sesuai").await;
    appraise(&app, PERIOD, people::OFFICER_B, "di_atas", "di_atas").await;
    // Ani: Butuh Perbaikan → six months to improve from the end of June.
    appraise(&app, PERIOD, OFFICER_A2, "di_bawah", "sesuai").await;
    let mut hr = staff(&app, people::HR).await;
    let (status, location, _) = app
        .post_as(
            "/hr/tindak-lanjut/potensi",
            &format!("period=2026-S1&nip={}&potential=high", people::OFFICER_A),
            &mut hr,
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        location.as_deref(),
        Some("/hr/tindak-lanjut?periode=2026-S1&ok=saved#talenta")
    );
    let (status, _, page) = app
        .post_as(
            "/hr/tindak-lanjut/potensi",
            &format!("period=2026-S1&nip={}&potential=sedang", people::OFFICER_B),
            &mut hr,
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Pilih potensi."), "{page}");

    let hr_viewer = viewer(&app, people::HR).await;
    let lists =
        app::server::hr::followup::lists(&app.state, &hr_viewer, PERIOD, &RequestMeta::default())
            .await
            .unwrap();
    let awards: Vec<(&str, bool)> = lists
        .awards
        .iter()
        .map(|a| (a.officer.nip.as_str(), a.succession))
        .collect();
    assert_eq!(
        awards,
        [(people::OFFICER_A, true), (people::OFFICER_B, false)]
    );
    assert_eq!(lists.awards[0].history.len(), 3);
    let improvement: Vec<(&str, Predikat, &str)> = lists
        .improvement
        .iter()
        .map(|r| (r.officer.nip.as_str(), r.predikat, r.due.as_str()))
        .collect();
    assert_eq!(
        improvement,
        [(OFFICER_A2, Predikat::ButuhPerbaikan, "2026-12-31")]
    );
    // Talent grid: Opi high performance × high potential = box 9 (promotion pool) first.
    let opi = &lists.talent[0];
    assert_eq!(opi.officer.nip, people::OFFICER_A);
    assert_eq!(
        (opi.performance, opi.potential),
        (PerformanceLevel::High, Some(Potential::High))
    );
    assert_eq!(
        opi.nine_box.map(|b| (b.number(), b.is_promotion_pool())),
        Some((9, true))
    );
    assert!(lists.talent[1..].iter().all(|t| t.nine_box.is_none()));
    let credit: Vec<(&str, u32)> = lists
        .credit
        .iter()
        .map(|c| (c.officer.nip.as_str(), c.percent))
        .collect();
    assert_eq!(
        credit,
        [
            (OFFICER_A2, 75),
            (people::OFFICER_A, 150),
            (people::OFFICER_B, 150)
        ]
    );
    // Training: Ani's weaker unsur is U6 (2.00, mutu D: priority), then Opi's (3.50). Unit A's
    // lowest unsur over all 41 answers: U6 = (40 + 30 + 40 + 1) / 41 = 2.71 (U7 equal, U6 first).
    let training: Vec<(&str, Unsur, f64, bool)> = lists
        .training
        .iter()
        .map(|t| (t.officer.nip.as_str(), t.weakest, t.weakest_nrr, t.priority))
        .collect();
    assert_eq!(
        training,
        [
            (OFFICER_A2, Unsur::U6, 2.0, true),
            (people::OFFICER_A, Unsur::U6, 3.5, false)
        ]
    );
    assert_eq!(lists.training[0].unit_weakest, Some((Unsur::U6, 2.71)));
    assert_eq!(
        (lists.training[1].u6, lists.training[1].u7),
        (Some(3.5), Some(3.5))
    );

    let (_, _, html) = app.get_as("/hr/tindak-lanjut?periode=2026-S1", &hr).await;
    assert!(html.contains("data-testid=\"succession\""), "{html}");
    assert!(
        html.contains("2026-12-31") && html.contains("150%"),
        "{html}"
    );
    // Each list downloads as CSV with the same rows.
    let (status, _, csv) = download(&app, "/hr/ekspor/perbaikan?format=csv&periode=2026-S1").await;
    assert_eq!(status, 200);
    let csv = String::from_utf8(csv).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(
        lines[0].starts_with("NIP,Nama,Unit,Nama unit,Predikat"),
        "{csv}"
    );
    assert!(
        lines[1].starts_with(OFFICER_A2) && lines[1].ends_with("2026-12-31"),
        "{csv}"
    );
    let (_, _, csv) = download(&app, "/hr/ekspor/angka-kredit?format=csv&periode=2026-S1").await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains(&format!(
            "{},Opi Empat,UNIT-A,Dinas A,Sangat Baik,150",
            people::OFFICER_A
        )),
        "{csv}"
    );
    let (_, _, xlsx) = download(&app, "/hr/ekspor/talenta?periode=2026-S1").await;
    assert!(xlsx.starts_with(b"PK"));
    assert!(xlsx_part(&xlsx, "xl/sharedStrings.xml").contains("Tinggi"));
});

db_test!(the_ranking_downloads_as_xlsx_and_csv_with_its_rows, |app| {
    arrange(&app).await;
    let (status, headers, xlsx) =
        download(&app, "/hr/ekspor/peringkat?format=xlsx&periode=2026-S1").await;
    assert_eq!(status, 200);
    assert_eq!(
        headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"sigap-peringkat-2026-S1.xlsx\""
    );
    assert!(xlsx.starts_with(b"PK"), "an XLSX file is a zip archive");
    let strings = xlsx_part(&xlsx, "xl/sharedStrings.xml");
    for text in [
        people::OFFICER_A,
        "Opi Empat",
        OFFICER_A2,
        "Ani Enam",
        people::OFFICER_B,
        "data belum cukup",
        "Nilai disesuaikan",
    ] {
        assert!(strings.contains(text), "{text} in {strings}");
    }
    let sheet = xlsx_part(&xlsx, "xl/worksheets/sheet1.xml");
    for number in ["81.25", "87.5", "81.88", "93.12", "68.75", "56.25"] {
        assert!(
            sheet.contains(&format!("<v>{number}</v>")),
            "{number} in {sheet}"
        );
    }
    assert_eq!(
        sheet.matches("<row ").count(),
        4,
        "a header and three officers"
    );

    let (status, headers, csv) = download(
        &app,
        "/hr/ekspor/peringkat?format=csv&periode=2026-S1&unit=UNIT-A",
    )
    .await;
    assert_eq!(status, 200);
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment;"));
    let csv = String::from_utf8(csv).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines,
        [
            "Urutan,NIP,Nama,Unit,Nama unit,n (jawaban),Nilai disesuaikan,Rata-rata mentah,Batas bawah 95%,Batas atas 95%,Rata-rata unit,Saran portal,Tingkat respons (%),Predikat,Status",
            &format!("1,{},Opi Empat,UNIT-A,Dinas A,20,81.25,87.5,81.88,93.12,68.75,di atas ekspektasi,,,", people::OFFICER_A),
            &format!("2,{OFFICER_A2},Ani Enam,UNIT-A,Dinas A,20,56.25,50,50,50,68.75,di bawah ekspektasi,,,"),
        ],
        "{csv}"
    );
});
