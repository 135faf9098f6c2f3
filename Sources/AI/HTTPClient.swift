import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A blocking JSON POST over URLSession (libcurl underneath on Linux), with a timeout.
/// Runs on the caller's (background) thread; never on the UI thread.
public enum HTTPClient {
    public struct Response: Sendable { public var status: Int; public var body: Data; public var retryAfter: Double? }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unreachable(String)
        case timeout
        public var description: String {
            switch self {
            case .unreachable(let reason): return "unreachable: \(reason)"
            case .timeout: return "timed out"
            }
        }
    }

    /// At most this much of an answer is read (a 2 MB answer is not a note).
    public static let maxBodyBytes = 256 * 1024

    public static func post(_ url: URL, headers: [String: String], body: Data, timeout: Double) throws -> Response {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (key, value) in headers { request.setValue(value, forHTTPHeaderField: key) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        session.dataTask(with: request) { data, response, error in
            box.set(data: data, response: response as? HTTPURLResponse, error: error)
            done.signal()
        }.resume()
        if done.wait(timeout: .now() + timeout + 1) == .timedOut { throw Failure.timeout }
        let (data, response, error) = box.get()
        if let error {
            if (error as? URLError)?.code == .timedOut { throw Failure.timeout }
            throw Failure.unreachable((error as? URLError).map { "\($0.code.rawValue) \($0.localizedDescription)" } ?? "\(error)")
        }
        guard let response else { throw Failure.unreachable("no response") }
        let retryAfter = (response.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
        return Response(status: response.statusCode, body: (data ?? Data()).prefix(maxBodyBytes), retryAfter: retryAfter)
    }

    private final class ResultBox: @unchecked Sendable {
        // @unchecked: written once by the URLSession callback before the semaphore signals, read after.
        private var data: Data?, response: HTTPURLResponse?, error: (any Error)?
        func set(data: Data?, response: HTTPURLResponse?, error: (any Error)?) {
            self.data = data; self.response = response; self.error = error
        }
        func get() -> (Data?, HTTPURLResponse?, (any Error)?) { (data, response, error) }
    }
}
