mod applying;
mod common;
db_test!(probe, |app| {
    let s = applying::submitted(&app).await;
    for _ in 0..3 {
        let (st, _) = app.get(&format!("/cek-status?nomor={}&nik4=0003", s.number)).await;
        let hits = applying::count(&app, "SELECT CAST(COALESCE(SUM(hits),0) AS BIGINT) FROM rate_limit WHERE bucket LIKE 'lookup%'").await;
        let (st2, _, _) = app.get_as(&format!("/petugas/permohonan/{}", s.id), &s.officer).await;
        let viewed = applying::count(&app, "SELECT COUNT(*) FROM audit_event WHERE action = 'application.viewed'").await;
        eprintln!("PROBE {:?} status {st} lookup hits {hits}; case {st2} viewed {viewed}", app.engine);
    }
});
