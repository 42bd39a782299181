pub mod label_missing;
