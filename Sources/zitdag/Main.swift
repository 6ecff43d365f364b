import ZitdagCLI

@main
struct Main {
    static func main() async {
        await Zitdag.runAsMain()
    }
}
