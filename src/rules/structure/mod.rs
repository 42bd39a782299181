pub mod ern_unsupported_version;
