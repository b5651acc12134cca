//! Entry point of the wasm app: everything lives in the library so host tests can use it.

fn main() {
    backend_guide::start();
}
