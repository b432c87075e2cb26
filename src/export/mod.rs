//! Exports of an analysed document to other formats. Pure: plain data in,
//! a `String` out, no I/O (the command line writes it).
//!
//! - [`akn`]: Akoma Ntoso 3.0 XML in the AKN4UN profile.

pub mod akn;
mod source;

pub use akn::to_akn;
