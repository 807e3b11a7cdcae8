//! The public list of services is kept in memory (docs/ARCHITECTURE.md, "Reads kept in
//! memory"): an admin's change through this server shows on its next page; a change made
//! elsewhere (another server, the command line) shows once the kept list is older than its
//! freshness. SQLite and PostgreSQL.

use crate::applying::{self, CODE};
use crate::common::{people, PASSWORD};
use crate::staff_admin::upload;
use app::server::catalog::listing::PublicCatalog;
use std::sync::Arc;
use std::time::Duration;

const SERVICE_FORM: &str =
    "unit_code=UNIT-A&name_id=Izin+Usaha+Kecil&name_en=Small+Business+Permit&completion_days=5&fee=0&permit_code=SIUJ&active=on";

db_test!(
    an_admins_change_to_a_service_or_unit_shows_on_the_next_page,
    |app| {
        applying::define_service(&app).await;
        let (status, page) = app.get("/layanan").await;
        assert_eq!(status, 200);
        assert!(page.contains("Izin Uji Coba"), "{page}");

        // Renamed through the admin form: the list just read is not served again.
        let mut admin = app.sign_in("/petugas/masuk", people::ADMIN, PASSWORD).await;
        let path = format!("/admin/layanan/{CODE}");
        let (status, _, page) = app
            .post_as(&path, &format!("code={CODE}&{SERVICE_FORM}"), &mut admin)
            .await;
        assert_eq!(status, 303, "{page}");
        let (_, page) = app.get("/layanan").await;
        assert!(page.contains("Izin Usaha Kecil"), "{page}");
        assert!(!page.contains("Izin Uji Coba"), "{page}");
        let (_, page) = app.get("/layanan?q=usaha+kecil").await;
        assert!(page.contains("Izin Usaha Kecil"), "{page}");

        // The unit closed: its services leave the public list (the admin's list keeps them).
        let (status, _, page) = app
            .post_as("/admin/unit/UNIT-A/status", "active=0", &mut admin)
            .await;
        assert_eq!(status, 303, "{page}");
        let (_, page) = app.get("/layanan").await;
        assert!(!page.contains("Izin Usaha Kecil"), "{page}");
        let (_, _, page) = app.get_as("/admin/layanan", &admin).await;
        assert!(page.contains("Izin Usaha Kecil"), "{page}");

        // Imported from the sample files through the admin page: listed at once.
        let units = include_str!("../../../demo/units.csv");
        let services = include_str!("../../../demo/services.csv");
        for (kind, csv) in [("units", units), ("services", services)] {
            let (status, location, page) = upload(&app, &admin, kind, csv).await;
            assert_eq!(status, 303, "{kind}: {location:?} {page}");
        }
        let (_, page) = app.get("/layanan").await;
        assert!(page.contains("Izin Usaha Mikro Kecil"), "{page}");
    }
);

mod a_change_made_elsewhere_shows_once_the_kept_list_is_older_than_its_freshness {
    use super::*;
    use crate::common::TestApp;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        shows(TestApp::sqlite().await).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        if let Some(app) = TestApp::postgres().await {
            shows(app).await;
        }
    }

    async fn shows(mut app: TestApp) {
        applying::define_service(&app).await;
        // Kept for an hour: the list is served from memory, not read per page.
        app.state_mut().catalog = Arc::new(PublicCatalog::new(Duration::from_secs(3600)));
        let (_, page) = app.get("/layanan").await;
        assert!(page.contains("Izin Uji Coba"), "{page}");
        let elsewhere = format!(
            "UPDATE service_type SET name_id = 'Izin Dari Server Lain' WHERE code = '{CODE}'"
        );
        applying::exec(&app, &elsewhere).await;
        let (_, page) = app.get("/layanan").await;
        assert!(page.contains("Izin Uji Coba"), "served from memory: {page}");

        // Kept for a fifth of a second: a change made elsewhere shows once that has passed.
        app.state_mut().catalog = Arc::new(PublicCatalog::new(Duration::from_millis(200)));
        let (_, page) = app.get("/layanan").await;
        assert!(page.contains("Izin Dari Server Lain"), "{page}");
        let later = elsewhere.replace("Dari Server Lain", "Dari Baris Perintah");
        applying::exec(&app, &later).await;
        tokio::time::sleep(Duration::from_millis(250)).await;
        let (_, page) = app.get("/layanan").await;
        assert!(page.contains("Izin Dari Baris Perintah"), "{page}");
        app.cleanup().await;
    }
}
