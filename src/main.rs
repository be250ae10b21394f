fn main() {
    dm_doctor::start();
}
