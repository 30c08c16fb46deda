//! The "Reading it in Rust" section of a catalog with the `google-rpc` preset: where each part
//! travels in `google.rpc.Status`, and each code's gRPC status name.

use errcat_catalog::format::Layout;
use errcat_catalog::format::google_rpc::metadata_key;
use errcat_catalog::model::Model;

use super::cell_code;

/// The parts of a `google.rpc.Status` body, where they travel, and the codes' status names.
pub(super) fn section(model: &Model, layout: &Layout) -> String {
    let domain = layout.domain.as_deref().unwrap_or_default();
    let mut out = format!(
        "\n### Reading it in Rust\n\n\
         With the `json` feature, `{}::ApiError` reads and writes this body: AIP-193's \
         `google.rpc.Status`, each detail told by its `@type` \
         (`type.googleapis.com/google.rpc.…`).\n\n\
         | Part | Where |\n|---|---|\n\
         | code | `ErrorInfo.reason` in `/error/details` |\n\
         | domain | `ErrorInfo.domain`, always {} |\n\
         | public arguments | `ErrorInfo.metadata`: lowerCamel keys, string values |\n\
         | HTTP status | `/error/code` |\n\
         | gRPC status name | `/error/status` |\n\
         | message (English) | `/error/message` |\n\
         | localized message and its language | `LocalizedMessage.message`, `.locale` |\n\
         | doc URL | `Help.links[0].url` |\n\
         | retry delay | `RetryInfo.retryDelay` |\n",
        model.lib_name,
        cell_code(domain)
    );
    if let Some(h) = &layout.request_id_header {
        out.push_str(&format!("| request id header | {} |\n", cell_code(h)));
    }
    out.push_str("\n| Code | gRPC status | Metadata keys |\n|---|---|---|\n");
    for code in &model.codes {
        let name = model.grpc_status(code);
        let keys: Vec<String> = code
            .entry()
            .args
            .iter()
            .filter(|a| a.visibility.is_public())
            .map(|a| cell_code(&metadata_key(&a.name)))
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            cell_code(code.wire()),
            cell_code(name),
            if keys.is_empty() {
                "—".to_owned()
            } else {
                keys.join(", ")
            }
        ));
    }
    out
}
