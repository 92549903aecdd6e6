fn main() {
    // the same WebAssembly sums plan files in a worker, where there is no page to draw
    if web_sys::window().is_some() {
        chitieu::start();
    }
}
