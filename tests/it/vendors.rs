//! Vendor files in the shapes real APIs publish, kept as shipped in `catalog/vendor/` (each
//! folder's `SOURCE` note says where from): Twilio Voice's error registry, a three-level
//! hierarchy whose codes are composed from the numbers of every level, also shipped split
//! per product; and AWS service models (RDS, S3, Lambda), where the errors are the shapes
//! flagged `"exception": true` among hundreds, with HTML documentation.
//!
//! Every file is pinned to the sha256 its note records, and its codes are counted here by
//! walking the vendor JSON with `serde_json` alone, so the counts owe nothing to errcat's
//! mapping engine; each generated crate's `ErrorCode::ALL` must be exactly those codes.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

use errcat_tests::root;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The codes of a generated crate's `ErrorCode::ALL`, as the wire spells them.
macro_rules! all_codes {
    ($krate:ident) => {
        $krate::ErrorCode::ALL
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect::<Vec<String>>()
    };
}

fn vendor_dir() -> PathBuf {
    root().join("catalog/vendor")
}

fn read_json(rel: &str) -> Value {
    let path = vendor_dir().join(rel);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Each vendor file of this module and the sha256 of the file as its package ships it.
const PINNED: [(&str, &str); 11] = [
    (
        "twilio-voice-errors/errors.json",
        "bfa2e8ebf8d918594d11426c5bc370f531035ee6e597214080d588902977dc0a",
    ),
    (
        "twilio-voice-errors/errors/twilio-authorization-errors-invalid-token-format.json",
        "90a3900d356ab0f4023ad8647bcc03cf403582e82bd90dbaafd85be37e741b6a",
    ),
    (
        "twilio-voice-errors/errors/twilio-authorization-errors.json",
        "ea63e0a1daf440ee135a13febc8ca1ec358e6d86e59eebdd7a6a7ee5afb2a6de",
    ),
    (
        "twilio-voice-errors/errors/twilio-client-server-errors.json",
        "df431c6df9ef66d4ab5abb9e0a68c1a463631c5c8993416bbda4063c9a3c4aed",
    ),
    (
        "twilio-voice-errors/errors/twilio-rest-errors.json",
        "dbdd7a5f0ba24c40a79edf53c6d51a13350e225add576ae76656f5a3b74c5411",
    ),
    (
        "twilio-voice-errors/errors/twilio-twiml-errors.json",
        "f0686cad4f70160e490737e62e9089700f9ba0b6d4ba197365c8e9802bd44d8a",
    ),
    (
        "twilio-voice-errors/errors/twilio-voice-errors.json",
        "53aadde0415939a6d8e3e299498f391774d27e4b59061e90b261374e25090d43",
    ),
    (
        "twilio-voice-errors/errors/twilio-voice-webrtc-errors.json",
        "dd38e79486e24a8d468d61191ab95745d4db66df853b1007704702bf6f03e2a9",
    ),
    (
        "aws/rds-2014-10-31.json",
        "7f3d0d56346addfc5784a940d848e376dff9d159f055716efafcc6ce2052e9ec",
    ),
    (
        "aws/s3-2006-03-01.json",
        "ed032eb3b1a65bea11d750745b6e29563159e9cac15d89c1a7632c4f751e414a",
    ),
    (
        "aws/lambda-2015-03-31.json",
        "b86cb909a20f7dc0f1a07d79204ff6a1561aaa873f67b588a64280dfbe55cbbe",
    ),
];

/// The JSON files under `folder` (recursively), as paths relative to `catalog/vendor/`.
fn json_files_under(folder: &str) -> BTreeSet<String> {
    fn walk(dir: PathBuf, rel: String, out: &mut BTreeSet<String>) {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let entry = entry.unwrap();
            let name = entry.file_name().into_string().unwrap();
            let rel = format!("{rel}/{name}");
            if entry.file_type().unwrap().is_dir() {
                walk(entry.path(), rel, out);
            } else if name.ends_with(".json") {
                out.insert(rel);
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(vendor_dir().join(folder), folder.to_owned(), &mut out);
    out
}

#[test]
fn vendor_files_are_the_bytes_their_source_notes_record() {
    for (file, hash) in PINNED {
        let bytes = fs::read(vendor_dir().join(file)).unwrap();
        assert_eq!(
            sha256_hex(&bytes),
            hash,
            "catalog/vendor/{file} is not the file its package ships"
        );
        let folder = file.split('/').next().unwrap();
        let note = fs::read_to_string(vendor_dir().join(folder).join("SOURCE")).unwrap();
        assert!(
            note.contains(hash),
            "catalog/vendor/{folder}/SOURCE does not record the sha256 of {file}"
        );
    }
    // A file added to these folders without a note and a pin is noticed.
    let pinned: BTreeSet<String> = PINNED.iter().map(|(f, _)| (*f).to_owned()).collect();
    let present: BTreeSet<String> = ["twilio-voice-errors", "aws"]
        .into_iter()
        .flat_map(json_files_under)
        .collect();
    assert_eq!(present, pinned);
    // The licence texts travel with the files (BSD-3-Clause, Apache-2.0 with its NOTICE).
    for (file, needle) in [
        (
            "twilio-voice-errors/LICENSE",
            "Redistributions of source code must retain",
        ),
        ("aws/LICENSE.txt", "Apache License"),
        ("aws/NOTICE", "Botocore"),
    ] {
        let text = fs::read_to_string(vendor_dir().join(file)).unwrap();
        assert!(text.contains(needle), "catalog/vendor/{file}");
    }
}

// ---------------------------------------------------------------------------------------
// Twilio Voice: classes -> subclasses -> errors, code = class x 1000 + subclass x 100 + error

/// One error of the Twilio Voice registry, as the walk finds it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct VoiceError {
    code: u64,
    name: String,
    class: String,
}

/// The numbers of a list of subclasses or errors, by the package's own rule (its
/// `lib/index.js`): an item without `code` takes its previous sibling's plus one, the first
/// 0; a code must be greater than the one before it.
fn numbered(items: &[Value], what: &str, max: u64) -> Vec<u64> {
    let mut previous: Option<u64> = None;
    items
        .iter()
        .map(|item| {
            let code = match item.get("code") {
                Some(v) => v
                    .as_u64()
                    .unwrap_or_else(|| panic!("{what} code {v} is not a whole number")),
                None => previous.map_or(0, |p| p + 1),
            };
            assert!(code <= max, "{what} code {code} is over {max}");
            if let Some(p) = previous {
                assert!(code > p, "{what} code {code} follows {p}");
            }
            previous = Some(code);
            code
        })
        .collect()
}

/// The errors of one class object (`{code, class, subclasses: [{code?, class, errors}]}`),
/// in file order.
fn voice_errors(class: &Value) -> Vec<VoiceError> {
    let class_code = class["code"].as_u64().expect("a class has a numeric code");
    assert!(
        (10..=99).contains(&class_code),
        "class code {class_code} is not two digits"
    );
    let class_name = class["class"].as_str().expect("a class has a name");
    let subclasses = class["subclasses"].as_array().expect("subclasses");
    let mut out = Vec::new();
    for (subclass, sub_code) in subclasses.iter().zip(numbered(subclasses, "subclass", 9)) {
        let errors = subclass["errors"].as_array().expect("errors");
        for (error, error_code) in errors.iter().zip(numbered(errors, "error", 99)) {
            out.push(VoiceError {
                code: class_code * 1000 + sub_code * 100 + error_code,
                name: error["name"]
                    .as_str()
                    .expect("an error has a name")
                    .to_owned(),
                class: class_name.to_owned(),
            });
        }
    }
    out
}

/// The registry as the package's `dist/errors.json` ships it: an array of classes.
fn twilio_voice_walk() -> Vec<VoiceError> {
    read_json("twilio-voice-errors/errors.json")
        .as_array()
        .expect("an array of classes")
        .iter()
        .flat_map(voice_errors)
        .collect()
}

/// The registry as the package's per-product sources ship it: one class per file, the files
/// read in name order.
fn twilio_voice_products_walk() -> Vec<VoiceError> {
    let files = json_files_under("twilio-voice-errors/errors");
    assert_eq!(files.len(), 7, "{files:?}");
    files
        .iter()
        .flat_map(|f| voice_errors(&read_json(f)))
        .collect()
}

const TWILIO_VOICE_CODES: [u32; 72] = [
    13214, 13224, 20101, 20102, 20103, 20104, 20105, 20106, 20107, 20151, 20157, 20403, 21218,
    31000, 31001, 31002, 31003, 31005, 31008, 31009, 31100, 31101, 31102, 31103, 31104, 31105,
    31107, 31201, 31202, 31203, 31204, 31205, 31206, 31207, 31209, 31210, 31211, 31212, 31301,
    31302, 31400, 31401, 31402, 31403, 31404, 31408, 31409, 31426, 31429, 31480, 31481, 31484,
    31486, 31487, 31500, 31502, 31503, 31504, 31530, 31600, 31603, 31604, 51007, 53000, 53001,
    53400, 53401, 53402, 53403, 53404, 53405, 53407,
];

#[test]
fn twilio_voice_hierarchy_composes_72_codes_from_three_levels() {
    let doc = read_json("twilio-voice-errors/errors.json");
    let classes = doc.as_array().unwrap();
    assert_eq!(classes.len(), 7);
    let subclasses: Vec<&Value> = classes
        .iter()
        .flat_map(|c| c["subclasses"].as_array().unwrap())
        .collect();
    assert_eq!(subclasses.len(), 16);
    let unnumbered: Vec<&str> = subclasses
        .iter()
        .filter(|s| s.get("code").is_none())
        .map(|s| s["class"].as_str().unwrap())
        .collect();
    assert_eq!(
        unnumbered,
        ["General", "Signaling"],
        "numbered 0 by the package's rule"
    );

    let errors = twilio_voice_walk();
    assert_eq!(errors.len(), 72);
    let codes: BTreeSet<u64> = errors.iter().map(|e| e.code).collect();
    assert_eq!(codes.len(), 72, "every composed code is distinct");
    let expected: BTreeSet<u64> = TWILIO_VOICE_CODES.iter().map(|&c| u64::from(c)).collect();
    assert_eq!(codes, expected);

    let name_of = |code: u64| {
        errors
            .iter()
            .find(|e| e.code == code)
            .map(|e| e.name.as_str())
    };
    // Class 20, subclass 1, error 51: 20151, where pasting `2010` before the error number
    // gives 201051.
    assert_eq!(name_of(20151), Some("AuthenticationFailed"));
    assert_eq!(name_of(201051), None);
    // Class 51, subclass 0, error 7: the error number is zero-padded to two digits.
    assert_eq!(name_of(51007), Some("AccessTokenRejected"));
    // An unnumbered first subclass is 0: class 31 "General" starts at 31000.
    assert_eq!(name_of(31000), Some("UnknownError"));

    let mut per_class: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &errors {
        *per_class.entry(e.class.as_str()).or_default() += 1;
    }
    assert_eq!(
        per_class,
        BTreeMap::from([
            ("Twilio Authorization", 11),
            ("Twilio REST", 1),
            ("Voice", 28),
            ("Voice Client & Server", 23),
            ("Voice WebRTC", 9),
        ])
    );
}

#[test]
fn twilio_voice_per_product_files_hold_the_same_errors() {
    let mut whole = twilio_voice_walk();
    let mut products = twilio_voice_products_walk();
    assert_eq!(products.len(), 72);
    whole.sort();
    products.sort();
    assert_eq!(products, whole);
}

// ---------------------------------------------------------------------------------------
// AWS service models: the errors are the shapes with `"exception": true`

/// One exception shape of an AWS model, as the walk finds it.
#[derive(Debug)]
struct AwsError {
    shape: String,
    /// `error.code` where present, else the shape name.
    code: String,
    status: Option<u64>,
    sender_fault: Option<bool>,
    documentation: Option<String>,
    deprecated: bool,
}

/// A model's shapes (in file order), the number of them, and its exceptions.
fn aws_walk(file: &str) -> (Value, usize, Vec<AwsError>) {
    let model = read_json(file);
    let shapes = model["shapes"].as_object().expect("/shapes is an object");
    let errors = shapes
        .iter()
        .filter(|(_, shape)| shape.get("exception") == Some(&Value::Bool(true)))
        .map(|(name, shape)| {
            let error = shape.get("error");
            AwsError {
                shape: name.clone(),
                code: error
                    .and_then(|e| e.get("code"))
                    .map_or(name.as_str(), |c| c.as_str().expect("error.code is text"))
                    .to_owned(),
                status: error
                    .and_then(|e| e.get("httpStatusCode"))
                    .map(|s| s.as_u64().expect("a numeric status")),
                sender_fault: error
                    .and_then(|e| e.get("senderFault"))
                    .map(|f| f.as_bool().expect("a boolean senderFault")),
                documentation: shape["documentation"].as_str().map(str::to_owned),
                deprecated: shape.get("deprecated") == Some(&Value::Bool(true)),
            }
        })
        .collect();
    let count = shapes.len();
    (model, count, errors)
}

fn status_counts(errors: &[AwsError]) -> BTreeMap<Option<u64>, usize> {
    let mut counts = BTreeMap::new();
    for e in errors {
        *counts.entry(e.status).or_default() += 1;
    }
    counts
}

fn sorted_codes(errors: &[AwsError]) -> Vec<&str> {
    let mut codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

const RDS_CODES: [&str; 138] = [
    "AuthorizationAlreadyExists",
    "AuthorizationNotFound",
    "AuthorizationQuotaExceeded",
    "BackupPolicyNotFoundFault",
    "BlueGreenDeploymentAlreadyExistsFault",
    "BlueGreenDeploymentNotFoundFault",
    "CertificateNotFound",
    "CreateCustomDBEngineVersionFault",
    "CustomAvailabilityZoneNotFound",
    "CustomDBEngineVersionAlreadyExistsFault",
    "CustomDBEngineVersionNotFoundFault",
    "CustomDBEngineVersionQuotaExceededFault",
    "DBClusterAlreadyExistsFault",
    "DBClusterAutomatedBackupNotFoundFault",
    "DBClusterAutomatedBackupQuotaExceededFault",
    "DBClusterBacktrackNotFoundFault",
    "DBClusterEndpointAlreadyExistsFault",
    "DBClusterEndpointNotFoundFault",
    "DBClusterEndpointQuotaExceededFault",
    "DBClusterNotFoundFault",
    "DBClusterParameterGroupNotFound",
    "DBClusterQuotaExceededFault",
    "DBClusterRoleAlreadyExists",
    "DBClusterRoleNotFound",
    "DBClusterRoleQuotaExceeded",
    "DBClusterSnapshotAlreadyExistsFault",
    "DBClusterSnapshotNotFoundFault",
    "DBInstanceAlreadyExists",
    "DBInstanceAutomatedBackupNotFound",
    "DBInstanceAutomatedBackupQuotaExceeded",
    "DBInstanceNotFound",
    "DBInstanceRoleAlreadyExists",
    "DBInstanceRoleNotFound",
    "DBInstanceRoleQuotaExceeded",
    "DBLogFileNotFoundFault",
    "DBParameterGroupAlreadyExists",
    "DBParameterGroupNotFound",
    "DBParameterGroupQuotaExceeded",
    "DBProxyAlreadyExistsFault",
    "DBProxyEndpointAlreadyExistsFault",
    "DBProxyEndpointNotFoundFault",
    "DBProxyEndpointQuotaExceededFault",
    "DBProxyNotFoundFault",
    "DBProxyQuotaExceededFault",
    "DBProxyTargetAlreadyRegisteredFault",
    "DBProxyTargetGroupNotFoundFault",
    "DBProxyTargetNotFoundFault",
    "DBSecurityGroupAlreadyExists",
    "DBSecurityGroupNotFound",
    "DBSecurityGroupNotSupported",
    "DBSnapshotAlreadyExists",
    "DBSnapshotNotFound",
    "DBSnapshotTenantDatabaseNotFoundFault",
    "DBSubnetGroupAlreadyExists",
    "DBSubnetGroupDoesNotCoverEnoughAZs",
    "DBSubnetGroupNotAllowedFault",
    "DBSubnetGroupNotFoundFault",
    "DBSubnetGroupQuotaExceeded",
    "DBSubnetQuotaExceededFault",
    "DBUpgradeDependencyFailure",
    "DomainNotFoundFault",
    "Ec2ImagePropertiesNotSupportedFault",
    "EventSubscriptionQuotaExceeded",
    "ExportTaskAlreadyExists",
    "ExportTaskNotFound",
    "GlobalClusterAlreadyExistsFault",
    "GlobalClusterNotFoundFault",
    "GlobalClusterQuotaExceededFault",
    "IamRoleMissingPermissions",
    "IamRoleNotFound",
    "InstanceQuotaExceeded",
    "InsufficientAvailableIPsInSubnetFault",
    "InsufficientDBClusterCapacityFault",
    "InsufficientDBInstanceCapacity",
    "InsufficientStorageClusterCapacity",
    "IntegrationAlreadyExistsFault",
    "IntegrationConflictOperationFault",
    "IntegrationNotFoundFault",
    "IntegrationQuotaExceededFault",
    "InvalidBlueGreenDeploymentStateFault",
    "InvalidCustomDBEngineVersionStateFault",
    "InvalidDBClusterAutomatedBackupStateFault",
    "InvalidDBClusterCapacityFault",
    "InvalidDBClusterEndpointStateFault",
    "InvalidDBClusterSnapshotStateFault",
    "InvalidDBClusterStateFault",
    "InvalidDBInstanceAutomatedBackupState",
    "InvalidDBInstanceState",
    "InvalidDBParameterGroupState",
    "InvalidDBProxyEndpointStateFault",
    "InvalidDBProxyStateFault",
    "InvalidDBSecurityGroupState",
    "InvalidDBSnapshotState",
    "InvalidDBSubnetGroupFault",
    "InvalidDBSubnetGroupStateFault",
    "InvalidDBSubnetStateFault",
    "InvalidEventSubscriptionState",
    "InvalidExportOnly",
    "InvalidExportSourceState",
    "InvalidExportTaskStateFault",
    "InvalidGlobalClusterStateFault",
    "InvalidIntegrationStateFault",
    "InvalidOptionGroupStateFault",
    "InvalidRestoreFault",
    "InvalidS3BucketFault",
    "InvalidSubnet",
    "InvalidVPCNetworkStateFault",
    "KMSKeyNotAccessibleFault",
    "NetworkTypeNotSupported",
    "OptionGroupAlreadyExistsFault",
    "OptionGroupNotFoundFault",
    "OptionGroupQuotaExceededFault",
    "PointInTimeRestoreNotEnabled",
    "ProvisionedIopsNotAvailableInAZFault",
    "QuotaExceeded.DBSecurityGroup",
    "ReservedDBInstanceAlreadyExists",
    "ReservedDBInstanceNotFound",
    "ReservedDBInstanceQuotaExceeded",
    "ReservedDBInstancesOfferingNotFound",
    "ResourceNotFoundFault",
    "SNSInvalidTopic",
    "SNSNoAuthorization",
    "SNSTopicArnNotFound",
    "SharedSnapshotQuotaExceeded",
    "SnapshotQuotaExceeded",
    "SourceClusterNotSupportedFault",
    "SourceDatabaseNotSupportedFault",
    "SourceNotFound",
    "StorageQuotaExceeded",
    "StorageTypeNotAvailableFault",
    "StorageTypeNotSupported",
    "SubnetAlreadyInUse",
    "SubscriptionAlreadyExist",
    "SubscriptionCategoryNotFound",
    "SubscriptionNotFound",
    "TenantDatabaseAlreadyExists",
    "TenantDatabaseNotFound",
    "TenantDatabaseQuotaExceeded",
];

const S3_CODES: [&str; 8] = [
    "BucketAlreadyExists",
    "BucketAlreadyOwnedByYou",
    "InvalidObjectState",
    "NoSuchBucket",
    "NoSuchKey",
    "NoSuchUpload",
    "ObjectAlreadyInActiveTierError",
    "ObjectNotInActiveTierError",
];

const LAMBDA_CODES: [&str; 38] = [
    "CodeSigningConfigNotFoundException",
    "CodeStorageExceededException",
    "CodeVerificationFailedException",
    "EC2AccessDeniedException",
    "EC2ThrottledException",
    "EC2UnexpectedException",
    "EFSIOException",
    "EFSMountConnectivityException",
    "EFSMountFailureException",
    "EFSMountTimeoutException",
    "ENILimitReachedException",
    "InvalidCodeSignatureException",
    "InvalidParameterValueException",
    "InvalidRequestContentException",
    "InvalidRuntimeException",
    "InvalidSecurityGroupIDException",
    "InvalidSubnetIDException",
    "InvalidZipFileException",
    "KMSAccessDeniedException",
    "KMSDisabledException",
    "KMSInvalidStateException",
    "KMSNotFoundException",
    "PolicyLengthExceededException",
    "PreconditionFailedException",
    "ProvisionedConcurrencyConfigNotFoundException",
    "RecursiveInvocationException",
    "RequestTooLargeException",
    "ResourceConflictException",
    "ResourceInUseException",
    "ResourceNotFoundException",
    "ResourceNotReadyException",
    "ServiceException",
    "SnapStartException",
    "SnapStartNotReadyException",
    "SnapStartTimeoutException",
    "SubnetIPAddressLimitReachedException",
    "TooManyRequestsException",
    "UnsupportedMediaTypeException",
];

#[test]
fn aws_rds_model_has_138_errors_among_691_shapes() {
    let (model, shapes, errors) = aws_walk("aws/rds-2014-10-31.json");
    assert_eq!(model["metadata"]["protocol"], "query");
    assert_eq!(shapes, 691);
    assert_eq!(errors.len(), 138);
    assert_eq!(sorted_codes(&errors), RDS_CODES, "138 distinct codes");
    // Every exception names its wire code; for 63 it is not the shape name, so reading the
    // name instead would get those wrong.
    assert!(errors.iter().all(|e| {
        let shape = &model["shapes"][&e.shape];
        shape["error"]["code"].is_string()
    }));
    let renamed = errors.iter().filter(|e| e.code != e.shape).count();
    assert_eq!(renamed, 63);
    let auth = errors
        .iter()
        .find(|e| e.shape == "AuthorizationAlreadyExistsFault")
        .unwrap();
    assert_eq!(auth.code, "AuthorizationAlreadyExists");
    assert_eq!(
        status_counts(&errors),
        BTreeMap::from([(Some(400), 95), (Some(403), 3), (Some(404), 40)])
    );
    assert!(errors.iter().all(|e| e.sender_fault == Some(true)));
    // HTML documentation on all but one, which is the one deprecated exception.
    let html = errors
        .iter()
        .filter(|e| {
            e.documentation
                .as_deref()
                .is_some_and(|d| d.starts_with("<p>"))
        })
        .count();
    assert_eq!(html, 137);
    let deprecated: Vec<&str> = errors
        .iter()
        .filter(|e| e.deprecated)
        .map(|e| e.shape.as_str())
        .collect();
    assert_eq!(deprecated, ["BackupPolicyNotFoundFault"]);
    let undocumented: Vec<&str> = errors
        .iter()
        .filter(|e| e.documentation.is_none())
        .map(|e| e.shape.as_str())
        .collect();
    assert_eq!(undocumented, ["BackupPolicyNotFoundFault"]);
}

#[test]
fn aws_s3_model_has_8_errors_named_by_their_shapes() {
    let (model, shapes, errors) = aws_walk("aws/s3-2006-03-01.json");
    assert_eq!(model["metadata"]["protocol"], "rest-xml");
    assert_eq!(shapes, 579);
    assert_eq!(errors.len(), 8);
    assert_eq!(sorted_codes(&errors), S3_CODES);
    // No `error` member anywhere: the code is the shape name and no status is modelled.
    assert!(
        errors
            .iter()
            .all(|e| e.code == e.shape && e.status.is_none())
    );
    assert!(errors.iter().all(|e| {
        e.documentation
            .as_deref()
            .is_some_and(|d| d.starts_with("<p>"))
    }));
}

#[test]
fn aws_lambda_model_has_38_errors_with_statuses_and_two_spellings_of_message() {
    let (model, shapes, errors) = aws_walk("aws/lambda-2015-03-31.json");
    assert_eq!(model["metadata"]["protocol"], "rest-json");
    assert_eq!(shapes, 350);
    assert_eq!(errors.len(), 38);
    assert_eq!(sorted_codes(&errors), LAMBDA_CODES);
    assert!(
        errors
            .iter()
            .all(|e| e.code == e.shape && e.sender_fault.is_none())
    );
    assert_eq!(
        status_counts(&errors),
        BTreeMap::from([
            (Some(400), 9),
            (Some(403), 1),
            (Some(404), 3),
            (Some(408), 3),
            (Some(409), 2),
            (Some(410), 1),
            (Some(412), 1),
            (Some(413), 1),
            (Some(415), 1),
            (Some(429), 1),
            (Some(500), 1),
            (Some(502), 14),
        ])
    );
    // The body's message member is `Message` in 27 errors and `message` in 11.
    let member = |name: &str| {
        errors
            .iter()
            .filter(|e| model["shapes"][&e.shape]["members"].get(name).is_some())
            .count()
    };
    assert_eq!(
        (member("Message"), member("message"), member("Type")),
        (27, 11, 38)
    );
    // Links in the HTML documentation, which the pages must keep.
    let linked = errors
        .iter()
        .filter(|e| {
            e.documentation
                .as_deref()
                .is_some_and(|d| d.contains("<a href="))
        })
        .count();
    assert_eq!(linked, 7);
}

// ---------------------------------------------------------------------------------------
// The generated catalogs and crates against the walks

/// The codes of `generated/<name>/catalog.json`, in order, as the wire spells them.
fn generated_codes(name: &str) -> Vec<String> {
    let path = root().join("generated").join(name).join("catalog.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let catalog: Value = serde_json::from_str(&text).unwrap();
    catalog["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| match &c["code"] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// Each code's status in `generated/<name>/catalog.json`.
fn generated_statuses(name: &str) -> Vec<(String, Option<u64>)> {
    let path = root().join("generated").join(name).join("catalog.json");
    let catalog: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    catalog["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["code"].as_str().unwrap().to_owned(), c["status"].as_u64()))
        .collect()
}

fn voice_codes(errors: &[VoiceError]) -> Vec<String> {
    errors.iter().map(|e| e.code.to_string()).collect()
}

#[test]
fn twilio_voice_catalog_has_exactly_the_walked_codes() {
    let walked = voice_codes(&twilio_voice_walk());
    assert_eq!(generated_codes("twilio-voice"), walked);
    assert_eq!(all_codes!(twilio_voice_errors), walked);
    let code: twilio_voice_errors::ErrorCode = "20151".parse().unwrap();
    assert_eq!(code.message(), "Authentication Failed");
}

#[test]
fn twilio_voice_products_catalog_has_exactly_the_walked_codes() {
    let walked = voice_codes(&twilio_voice_products_walk());
    assert_eq!(generated_codes("twilio-voice-products"), walked);
    assert_eq!(all_codes!(twilio_voice_products_errors), walked);
}

fn aws_codes_and_statuses(file: &str) -> Vec<(String, Option<u64>)> {
    aws_walk(file)
        .2
        .into_iter()
        .map(|e| (e.code, e.status))
        .collect()
}

#[test]
fn aws_rds_catalog_has_exactly_the_walked_codes_and_statuses() {
    let walked = aws_codes_and_statuses("aws/rds-2014-10-31.json");
    assert_eq!(generated_statuses("aws-rds"), walked);
    let codes: Vec<String> = walked.into_iter().map(|(code, _)| code).collect();
    assert_eq!(all_codes!(aws_rds_errors), codes);
}

#[test]
fn aws_s3_catalog_has_exactly_the_walked_codes() {
    let walked: Vec<String> = aws_codes_and_statuses("aws/s3-2006-03-01.json")
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    assert_eq!(generated_codes("aws-s3"), walked);
    assert_eq!(all_codes!(aws_s3_errors), walked);
}

#[test]
fn aws_lambda_catalog_has_exactly_the_walked_codes_and_statuses() {
    let walked = aws_codes_and_statuses("aws/lambda-2015-03-31.json");
    assert_eq!(generated_statuses("aws-lambda"), walked);
    let codes: Vec<String> = walked.into_iter().map(|(code, _)| code).collect();
    assert_eq!(all_codes!(aws_lambda_errors), codes);
}
