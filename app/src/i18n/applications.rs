//! Text of applications: states, steps, the citizen's pages and the officers' work queue.

crate::catalogue! {
    STATE_DRAFT => { id: "Draf", en: "Draft" },
    STATE_SUBMITTED => { id: "Menunggu verifikasi", en: "Awaiting verification" },
    STATE_IN_VERIFICATION => { id: "Sedang diverifikasi", en: "Being verified" },
    STATE_NEEDS_CORRECTION => { id: "Perlu perbaikan", en: "Needs correction" },
    STATE_RESUBMITTED => { id: "Diajukan ulang", en: "Resubmitted" },
    STATE_IN_PROCESS => { id: "Sedang diproses", en: "Being processed" },
    STATE_APPROVED => { id: "Disetujui", en: "Approved" },
    STATE_REJECTED => { id: "Ditolak", en: "Rejected" },
    STATE_COMPLETED => { id: "Selesai", en: "Completed" },
    STATE_WITHDRAWN => { id: "Dibatalkan", en: "Withdrawn" },
    ACTION_SUBMIT => { id: "Diajukan", en: "Submitted" },
    ACTION_RESUBMIT => { id: "Perbaikan diajukan", en: "Corrections submitted" },
    ACTION_WITHDRAW => { id: "Dibatalkan oleh pemohon", en: "Withdrawn by the applicant" },
    ACTION_START_VERIFICATION => { id: "Mulai verifikasi", en: "Start verification" },
    ACTION_REQUEST_CORRECTION => { id: "Minta perbaikan", en: "Request corrections" },
    ACTION_ACCEPT_DOCUMENTS => { id: "Terima dokumen", en: "Accept documents" },
    ACTION_APPROVE => { id: "Setujui", en: "Approve" },
    ACTION_REJECT => { id: "Tolak", en: "Reject" },
    ACTION_COMPLETE => { id: "Terbitkan izin", en: "Issue the permit" },
}
