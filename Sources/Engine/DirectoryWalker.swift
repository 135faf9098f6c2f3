import Glibc
import Library

/// Walks a folder tree with POSIX calls, so names that are not UTF-8 survive byte for byte.
///
/// Follows symbolic links to files and folders, but enters each real folder (device + inode)
/// only once, so a link loop ends. Hidden entries (".name") are skipped unless asked for.
/// Unreadable folders are reported, not fatal.
public struct DirectoryWalker {
    public struct Entry: Sendable {
        public var path: RawPath
        public var size: Int64
        public var mtime: Double
    }

    public var includeHidden = false
    public init(includeHidden: Bool = false) { self.includeHidden = includeHidden }

    /// Calls `onFile` for every regular file under `root` and `onError` for every folder or
    /// file that could not be read.
    public func walk(_ root: RawPath, onFile: (Entry) -> Void, onError: (RawPath, String) -> Void) {
        var visited = Set<FileIdentity>()
        var stack = [root]
        while let folder = stack.popLast() {
            var info = stat()
            guard folder.withCString({ stat($0, &info) }) == 0 else {
                onError(folder, String(cString: strerror(errno)))
                continue
            }
            guard visited.insert(FileIdentity(info)).inserted else { continue }   // symlink loop or repeat
            guard let directory = folder.withCString({ opendir($0) }) else {
                onError(folder, String(cString: strerror(errno)))
                continue
            }
            var children: [RawPath] = []
            while let entry = readdir(directory) {
                // Read the name in place: a dirent is only as long as its name, so copying the
                // whole 256-byte d_name field read past the end of readdir's buffer (AddressSanitizer).
                let nameStart = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
                let name = [UInt8](UnsafeRawBufferPointer(start: nameStart,
                                                          count: strlen(nameStart.assumingMemoryBound(to: CChar.self))))
                if name == [46] || name == [46, 46] { continue }            // "." and ".."
                if !includeHidden && name.first == 46 { continue }           // ".hidden"
                children.append(folder.appending(name))
            }
            closedir(directory)
            for child in children.sorted(by: >) {
                var childInfo = stat()
                guard child.withCString({ stat($0, &childInfo) }) == 0 else {
                    // a dangling symlink or a file removed meanwhile
                    var linkInfo = stat()
                    if child.withCString({ lstat($0, &linkInfo) }) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK {
                        continue
                    }
                    onError(child, String(cString: strerror(errno)))
                    continue
                }
                switch childInfo.st_mode & S_IFMT {
                case S_IFDIR:
                    stack.append(child)
                case S_IFREG:
                    let mtime = Double(childInfo.st_mtim.tv_sec) + Double(childInfo.st_mtim.tv_nsec) / 1e9
                    onFile(Entry(path: child, size: Int64(childInfo.st_size), mtime: mtime))
                default:
                    continue
                }
            }
        }
    }
}

/// A file's identity on disk.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64
    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
