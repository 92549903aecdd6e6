fn main() {
    chitieu::start();
}
