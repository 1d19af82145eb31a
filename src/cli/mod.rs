//! CLI shells that do network I/O: the model gate's HTTP driver and the demo
//! endpoint's HTTP server. Glue only; the logic is in `ftgate::modelgate`.

pub mod demo_server;
pub mod model_gate;
