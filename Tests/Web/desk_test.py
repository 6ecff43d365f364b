"""The web desk in a real browser: Debian's chromium through Selenium, against `zitdag serve` on a
loopback port with the demo database. Run by `make test` (Tools/web-check.sh); screenshots of every
page at desktop and phone width go to out/web/.

Every step is taken with the keyboard: Enter on links and buttons, Space on a checkbox, typing into
fields and lists. The story: a consultant signs in, adds a job seeker, finds and books a series; the coordinator makes
the coach a sign-in link; a week later (the server restarted with a later clock) the coach sees the
appointment on their week and marks it attended; the consultant moves the second appointment and
cancels the rest of the series; the coordinator plans the queue, dry run then commit. Every page
passes axe-core with no violations, works at 375 px and at 200 % zoom, and the refusals hold: a form
without its form token, a form from another site, another role's page, another consultant's job
seeker."""

import datetime
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("ZITDAG", os.path.join(ROOT, ".build", "release", "zitdag"))
SHOTS = os.path.join(ROOT, "out", "web")
# A Tuesday morning: the demo books and queues from here.
START = "2026-11-24T08:00:00"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`zitdag serve` on the test database, with the clock at `now`."""

    def __init__(self, db, now, demo):
        self.port = free_port()
        args = [BINARY, "serve", "--db", db, "--port", str(self.port), "--calendars", os.path.join(ROOT, "Calendars")]
        if demo:
            args.append("--demo")
        env = dict(os.environ, ZITDAG_NOW=now)
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log, env=env, cwd=ROOT)
        self.out = ""
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url("/health"), timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        else:
            self.stop()
            raise RuntimeError("zitdag serve did not start")
        if demo:
            # The demo prints its text and keeps running: read up to its last line (a feed's curl).
            text = b""
            while not re.search(rb"curl -s \S+/feeds/\S+\.ics\n", text):
                chunk = os.read(self.process.stdout.fileno(), 65536)
                if not chunk:
                    break
                text += chunk
            self.out = text.decode()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def token(self, who):
        # `make run` prints the demo in Dutch, the command line's default language.
        who = {"coordinator": "coördinator", "consultant K2": "consulent K2"}.get(who, who)
        tokens = self.out.split("Demotokens")[1]
        return re.search(rf"^\s*{who}: (\S+)$", tokens, re.M).group(1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class WebDesk(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(SHOTS, exist_ok=True)
        cls.folder = tempfile.mkdtemp(prefix="zitdag-web-")
        cls.db = os.path.join(cls.folder, "desk.sqlite")
        cls.server = Server(cls.db, START, demo=True)
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=nl-BE"]:
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"intl.accept_languages": "nl-BE,nl"})
        options.binary_location = "/usr/bin/chromium"
        service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
        cls.browser = webdriver.Chrome(options=options, service=service)
        cls.browser.implicitly_wait(2)
        cls.checked = {}

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.server.stop()
        shutil.rmtree(cls.folder, ignore_errors=True)
        with open(os.path.join(SHOTS, "axe.json"), "w") as f:
            json.dump(cls.checked, f, indent=1, sort_keys=True)

    # Helpers

    def go(self, path):
        self.browser.get(self.server.url(path))

    def sign_in(self, token):
        self.browser.delete_all_cookies()
        self.go("/sign-in")
        field = self.browser.find_element(By.ID, "token")
        field.send_keys(token)
        self.follow(field, enter=True)

    def follow(self, element, enter=True):
        """Presses Enter on the link or button that leads to another page (as someone on the keyboard
        alone does, having tabbed to it), and waits for that page."""
        # A mark on the old document: gone once the browser shows the next one.
        self.browser.execute_script("window.zitdagOldPage = true")
        element.send_keys(Keys.ENTER) if enter else element.click()

        def arrived(browser):
            try:
                return browser.execute_script("return document.readyState === 'complete' && !window.zitdagOldPage")
            except WebDriverException:
                return False  # between the two documents

        WebDriverWait(self.browser, 10).until(arrived)

    def choose(self, field, label, value):
        """Picks an option of a list by typing its label, as on the keyboard."""
        select = self.browser.find_element(By.ID, field)
        select.send_keys(label)
        self.assertEqual(Select(select).first_selected_option.get_attribute("value"), value)

    def h1(self):
        return self.browser.find_element(By.TAG_NAME, "h1").text

    def flash(self):
        found = self.browser.find_elements(By.CSS_SELECTOR, ".flash")
        if not found:
            errors = [e.text for e in self.browser.find_elements(By.CSS_SELECTOR, ".error")]
            self.fail(f"no message on {self.browser.current_url} ({self.h1()}): {errors}")
        return found[0].text

    def check_page(self, name):
        """axe-core with no violations, no sideways scrolling at 375 px and at 200 % zoom (640 px
        wide), and screenshots at desktop and phone width."""
        axe = Axe(self.browser)
        axe.inject()
        results = axe.run()
        violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})" for v in results["violations"]]
        self.checked[name] = {"url": self.browser.current_url.split("?")[0], "violations": violations, "passes": len(results["passes"])}
        self.assertEqual(violations, [], f"axe on {name}")
        self.browser.execute_script("window.scrollTo(0, 0)")
        self.browser.save_screenshot(os.path.join(SHOTS, f"{name}-desktop.png"))
        for width in (640, 375):
            # The viewport set exactly (a window cannot be made that narrow): 640 CSS pixels is a
            # 1280-pixel screen at 200 % zoom; 375 a phone.
            self.browser.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride", {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width == 375})
            overflow = self.browser.execute_script(
                "const w = document.documentElement.clientWidth; return [document.documentElement.scrollWidth - w,"
                " [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1"
                " && !e.closest('.scroll')).slice(0, 3).map(e => e.tagName + ' ' + e.textContent.slice(0, 30))]")
            self.assertLessEqual(overflow[0], 0, f"{name} scrolls sideways at {width} px: {overflow[1]}")
            if width == 375:
                self.browser.execute_script("window.scrollTo(0, 0)")
                self.browser.save_screenshot(os.path.join(SHOTS, f"{name}-phone.png"))
        self.browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def post_raw(self, path, fields, origin=None):
        """A form posted outside the browser with the browser's session cookie: the refusals."""
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in self.browser.get_cookies())
        request = urllib.request.Request(self.server.url(path), data=urllib.parse.urlencode(fields).encode(), method="POST")
        request.add_header("Cookie", cookie)
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        if origin:
            request.add_header("Origin", origin)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def csrf(self):
        return self.browser.find_element(By.NAME, "_csrf").get_attribute("value")

    # The story, in order

    def test_1_consultant_books_a_series(self):
        self.go("/desk")
        self.assertIn("/sign-in", self.browser.current_url, "signed out, the desk sends you to sign in")
        self.check_page("sign-in")
        # By keyboard alone: Tab from the skip link to the access code field, type, Enter.
        body = self.browser.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        self.assertEqual(self.browser.switch_to.active_element.text, "Naar de inhoud")
        for _ in range(8):
            if self.browser.switch_to.active_element.get_attribute("id") == "token":
                break
            self.browser.switch_to.active_element.send_keys(Keys.TAB)
        self.assertEqual(self.browser.switch_to.active_element.get_attribute("id"), "token")
        self.browser.switch_to.active_element.send_keys("not-a-token")
        self.follow(self.browser.switch_to.active_element, enter=True)
        self.assertIn("Die toegangscode kennen we niet", self.browser.find_element(By.CSS_SELECTOR, ".error").text)

        self.sign_in(self.server.token("consultant K2"))
        self.assertEqual(self.h1(), "Mijn agenda")
        cookie = next(c for c in self.browser.get_cookies() if c["name"] == "zitdag_session")
        self.assertTrue(cookie["httpOnly"])
        self.assertEqual(cookie["sameSite"], "Strict")
        self.check_page("consultant-agenda")

        # English by choice, kept across pages; then back to Dutch.
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='English']"))
        self.assertEqual(self.h1(), "My agenda")
        self.go("/desk/job-seekers")
        self.assertEqual(self.h1(), "My job seekers")
        self.check_page("consultant-job-seekers-en")
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Nederlands']"))
        self.assertEqual(self.h1(), "Mijn werkzoekenden")

        # A new job seeker, then an edit that keeps what it does not touch.
        for name, value in [("id", "J20"), ("initials", "XY"), ("language", "nl")]:
            self.browser.find_element(By.ID, name).send_keys(value)
        self.choose("level", "starter", "starter")
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Werkzoekende toevoegen']"))
        self.assertIn("Werkzoekende J20 toegevoegd", self.flash())
        self.go("/desk/job-seekers/J20")
        self.check_page("consultant-job-seeker")
        self.choose("level", "basis", "basic")
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Bewaren']"))
        row = self.browser.find_element(By.XPATH, "//tr[td[text()='J20']]").text
        self.assertIn("basis", row)
        self.assertIn("nl", row, "the edit kept the language")

        # The intake, then a laptop lent: the path shows both, the list the loan.
        self.go("/desk/job-seekers/J20")
        for key, label, value in [("computer", "met hulp", "1"), ("email", "met hulp", "1"), ("internet", "helemaal niet", "0"),
                                  ("forms", "helemaal niet", "0"), ("jobs", "helemaal niet", "0"), ("device", "nee", "0"),
                                  ("connection", "ja", "1")]:
            self.choose(f"q-{key}", label, value)
        Select(self.browser.find_element(By.ID, "intake-location")).select_by_index(1)
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Intake bewaren']"))
        self.assertIn("intake: starter, score 2 op 15", self.flash())
        self.choose("device", "laptop L-003", "L-003")
        self.follow(self.browser.find_element(By.XPATH, "//form[@aria-labelledby='lend']//button"))
        self.assertRegex(self.flash(), r"uitlening \d+: L-003 tot \d\d/\d\d/\d{4}")
        standing = [li.text for li in self.browser.find_elements(By.CSS_SELECTOR, "ul[aria-labelledby=path] li")]
        self.assertEqual(standing[0], "niveau starter sinds 24/11/2026 (score 2 op 15)", standing)
        self.assertTrue(any(line.startswith("leent laptop L-003 tot ") for line in standing), standing)
        self.check_page("consultant-job-seeker-path")
        self.go("/desk/job-seekers")
        self.assertIn("laptop L-003 tot", self.browser.find_element(By.XPATH, "//tr[td[text()='J20']]").text)

        # A series of three, with the consultant along where possible.
        self.go("/desk/slots")
        self.choose("job_seeker", "J20 (XY)", "J20")
        appointments = self.browser.find_element(By.ID, "appointments")
        appointments.clear()
        appointments.send_keys("3")
        self.browser.find_element(By.ID, "topic").send_keys("solliciteren online")
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Vrije momenten zoeken']"))
        options = self.browser.find_elements(By.CSS_SELECTOR, ".options > li")
        self.assertGreater(len(options), 0, "a series of three fits in the demo's half-days")
        self.assertEqual(len(options[0].find_elements(By.CSS_SELECTOR, "ul li")), 3)
        self.check_page("consultant-slots")
        # Book the first by keyboard: focus its button, press Enter.
        button = self.browser.find_element(By.CSS_SELECTOR, ".options > li button")
        self.follow(button, enter=True)
        self.assertIn("Geboekt voor J20", self.flash())
        rows = self.browser.find_elements(By.XPATH, "//tr[td[contains(., 'XY (J20)')]]")
        self.assertGreaterEqual(len(rows), 1)
        first = rows[0].find_elements(By.TAG_NAME, "td")
        type(self).first_when = first[0].text  # "wo 25/11/2026 09:00-10:00"
        type(self).coach = re.search(r"coach (\S+)", first[2].text).group(1)
        self.assertEqual(first[3].text, "1/3")

    def test_2_coordinator_makes_the_coach_a_sign_in_link(self):
        self.sign_in(self.server.token("coordinator"))
        self.assertEqual(self.h1(), "Bezetting")
        self.check_page("coordinator-grid")
        self.go("/desk/tokens")
        self.choose("role", "Coach", "coach")
        self.browser.find_element(By.ID, "subject").send_keys(self.coach)
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Toegangscode maken']"))
        link = self.browser.find_element(By.ID, "link").get_attribute("value")
        self.assertRegex(link, r"/sign-in#token=[A-Za-z0-9_-]{40,}$")
        type(self).coach_token = self.browser.find_element(By.ID, "secret").get_attribute("value")
        self.check_page("coordinator-tokens")
        # The link signs the coach in; the token never reaches the server's address bar or logs.
        self.browser.delete_all_cookies()
        self.browser.get(link)
        self.assertEqual(self.h1(), "Mijn week")
        self.assertNotIn("token", self.browser.current_url)

    def test_3_a_week_later_the_coach_marks_attended(self):
        # The server restarts with the clock just after the first appointment began.
        day, month, year, hour, minute = re.search(r"(\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d)", self.first_when).groups()
        later = datetime.datetime(int(year), int(month), int(day), int(hour), int(minute)) + datetime.timedelta(minutes=30)
        type(self).server.stop()
        out = self.server.out
        type(self).server = Server(self.db, later.strftime("%Y-%m-%dT%H:%M:%S"), demo=False)
        self.server.out = out
        self.sign_in(self.coach_token)
        self.go(f"/desk/week?week={year}-{month}-{day}")
        row = self.browser.find_element(By.XPATH, "//tr[td[text()='XY']]")
        text = row.text
        self.assertIn("solliciteren online", text)
        self.assertIn("starter", text, "the level the intake gave")
        self.assertIn("nl", text)
        self.assertNotIn("J20", self.browser.page_source, "a coach sees initials, never the job seeker's id")
        self.check_page("coach-week")
        self.follow(row.find_element(By.XPATH, ".//button[starts-with(., 'Aanwezig')]"))
        self.assertIn("XY: aanwezig", self.flash())
        self.assertIn("aanwezig", self.browser.find_element(By.XPATH, "//tr[td[text()='XY']]").text)
        # The printable day list, and the feed link.
        self.go(f"/desk/day/{year}-{month}-{day}")
        self.assertIn("XY", self.browser.page_source)
        self.check_page("coach-day")
        self.go("/desk/feed")
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Nieuwe agendalink maken']"))
        feed = self.browser.find_element(By.ID, "feed-url").get_attribute("value")
        self.assertTrue(self.browser.find_element(By.LINK_TEXT, "Openen in mijn agenda-app").get_attribute("href").startswith("webcal://"))
        self.check_page("coach-feed")
        copy = self.browser.find_element(By.CSS_SELECTOR, "button[data-copy=feed-url]")
        self.assertTrue(copy.is_displayed(), "the copy button shows where its script runs")
        copy.send_keys(Keys.ENTER)
        WebDriverWait(self.browser, 5).until(lambda browser: copy.text.startswith("Gekopieerd"))
        calendar = urllib.request.urlopen(feed).read().decode()
        self.assertIn("BEGIN:VCALENDAR", calendar)
        self.assertIn("XY", calendar)
        # A coach reads; they do not move appointments.
        appointment = row_id = re.search(r"/desk/appointments/(\d+)/", self.browser.page_source)
        self.go("/desk/agenda")
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, ".error").text, "Deze pagina is niet voor uw rol.")

    def test_4_consultant_moves_and_cancels(self):
        self.sign_in(self.server.token("consultant K2"))
        self.go("/desk/agenda?week=" + self.monday_of(self.first_when))
        # The second appointment may be in a later week: walk the weeks until it shows.
        for _ in range(4):
            links = self.browser.find_elements(By.XPATH, "//tr[td[contains(., 'XY (J20)')] and td[text()='2/3']]//a[text()='Verplaatsen']")
            if links:
                break
            self.follow(self.browser.find_element(By.LINK_TEXT, "Volgende week"))
        self.follow(links[0])
        self.assertEqual(self.h1(), "Afspraak verplaatsen")
        self.check_page("consultant-move")
        choices = self.browser.find_elements(By.XPATH, "//button[text()='Hierheen verplaatsen']")
        self.assertGreater(len(choices), 0)
        self.follow(choices[0])
        self.assertIn("Verplaatst naar", self.flash())
        link = self.browser.find_element(By.XPATH, "//tr[td[contains(., 'XY (J20)')] and td[text()='2/3']]//a[text()='Annuleren']")
        self.follow(link)
        self.assertIn("3/3", self.browser.find_element(By.TAG_NAME, "fieldset").text, "the rest of the series is shown before cancelling")
        self.check_page("consultant-cancel")
        self.browser.find_element(By.ID, "series").send_keys(Keys.SPACE)
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Afspraak annuleren']"))
        self.assertIn("2 afspraken geannuleerd", self.flash())

    def test_5_coordinator_plans_the_queue(self):
        self.sign_in(self.server.token("coordinator"))
        self.go("/desk/plan")
        queued = len(self.browser.find_elements(By.CSS_SELECTOR, "tbody tr"))
        self.assertGreater(queued, 0, "the demo queues requests")
        self.check_page("coordinator-plan")
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Proefplanning maken']"))
        self.assertRegex(self.browser.find_element(By.CSS_SELECTOR, "[role=status]").text, r"Proefplanning: \d+ van \d+ aanvragen passen")
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "tbody tr")), queued, "a dry run books nothing")
        self.check_page("coordinator-plan-dry-run")
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Deze planning vastleggen']"))
        summary = self.browser.find_element(By.CSS_SELECTOR, "[role=status]").text
        scheduled = int(re.search(r"Vastgelegd: (\d+) van", summary).group(1))
        self.assertGreater(scheduled, 0)
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "tbody tr")), queued - scheduled)

    def test_5b_coordinator_simulates_capacity(self):
        self.sign_in(self.server.token("coordinator"))
        self.go("/desk/simulation")
        self.check_page("coordinator-simulation-form")
        self.choose("scenario", "jobteam.json", "jobteam.json")
        self.browser.find_element(By.ID, "vary").send_keys("seats=1,2")
        self.browser.find_element(By.ID, "replications").send_keys("4")
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Simuleren']"))
        header = [th.text for th in self.browser.find_elements(By.CSS_SELECTOR, "thead th")]
        self.assertEqual(header, ["Cijfer", "seats=1", "seats=2"])
        first = self.browser.find_element(By.XPATH, "//tbody/tr[1]")
        self.assertEqual(first.find_element(By.TAG_NAME, "th").text, "dagen tot de eerste afspraak, gemiddeld")
        # Figures the Belgian way: a decimal comma, the interval as [low; high], the comparison in Dutch.
        self.assertRegex(first.find_elements(By.TAG_NAME, "td")[0].text, r"^\d+,\d \[-?\d+,\d; \d+,\d\]$")
        self.assertRegex(first.find_elements(By.TAG_NAME, "td")[1].text, r"\(([+-]\d+,\d), (niet )?significant\)$")
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "figure.chart svg[role=img]")), 3)
        self.check_page("coordinator-simulation")
        # The CSV download runs the same inputs again: the same figures.
        fields = {e.get_attribute("name"): e.get_attribute("value")
                  for e in self.browser.find_elements(By.CSS_SELECTOR, "form[action='/desk/simulation/export'] input[type=hidden]")}
        fields["format"] = "csv"
        status, text = self.post_raw("/desk/simulation/export", fields)
        self.assertEqual(status, 200)
        self.assertTrue(text.startswith("scenario,figure,week,mean,low,high"))
        mean = first.find_elements(By.TAG_NAME, "td")[0].text.split(" ")[0].replace(",", ".")
        row = next(line for line in text.splitlines() if line.startswith("seats=1,\"days to first appointment, mean\""))
        self.assertEqual(f"{float(row.split(',')[4]):.1f}", mean, "the download holds the figures the page shows")

    def test_5c_coordinator_keeps_devices_and_reads_the_report(self):
        self.sign_in(self.server.token("coordinator"))
        self.go("/desk/devices")
        self.check_page("coordinator-devices")
        self.browser.find_element(By.ID, "id").send_keys("T-100")
        self.choose("kind", "tablet", "tablet")
        self.browser.execute_script("arguments[0].value = '2025-06-01'", self.browser.find_element(By.ID, "bought"))
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Toestel toevoegen']"))
        self.assertIn("toestel T-100 toegevoegd", self.flash())
        row = self.browser.find_element(By.XPATH, "//tr[td[text()='T-100']]")
        self.assertIn("beschikbaar", row.text)
        self.follow(row.find_element(By.XPATH, ".//button[contains(., 'naar herstelling')]"))
        self.assertIn("toestel T-100: in herstelling", self.flash())
        # The demo's laptop L-001 has been out for five months: its end is near.
        self.assertTrue(any("L-001" in li.text for li in self.browser.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=ending] li")))

        self.go("/desk/report")
        self.assertEqual(self.h1(), "Rapport voor de financiers")
        headings = [th.text for th in self.browser.find_elements(By.CSS_SELECTOR, "thead th")]
        self.assertEqual(headings[:3], ["maand", "locatie", "bereikte mensen"])
        self.assertTrue(self.browser.find_elements(By.XPATH, "//tbody/tr[td[2][text()='hele stad']]"))
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "figure.chart svg[role=img]")), 2)
        self.check_page("coordinator-report")
        href = self.browser.find_element(By.XPATH, "//a[@download]").get_attribute("href")
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in self.browser.get_cookies())
        request = urllib.request.Request(href, headers={"Cookie": cookie})
        with urllib.request.urlopen(request) as answer:
            data = answer.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbfmaand;locatie;bereikte mensen;"), data[:60])

    def test_6_refusals(self):
        self.sign_in(self.server.token("consultant K2"))
        self.go("/desk/job-seekers")
        token = self.csrf()
        fields = {"id": "J21", "initials": "QQ"}
        status, _ = self.post_raw("/desk/job-seekers", fields)
        self.assertEqual(status, 403, "no form token")
        status, _ = self.post_raw("/desk/job-seekers", dict(fields, _csrf="forged"))
        self.assertEqual(status, 403, "a wrong form token")
        status, _ = self.post_raw("/desk/job-seekers", dict(fields, _csrf=token), origin="https://evil.example")
        self.assertEqual(status, 403, "a form from another site")
        status, _ = self.post_raw("/desk/job-seekers", dict(fields, _csrf=token))
        self.assertEqual(status, 303, "the same form with its token and from this site")
        # The store's refusal reaches the page in the page's language, from the same catalogs.
        status, body = self.post_raw("/desk/job-seekers", dict(fields, _csrf=token))
        self.assertEqual(status, 409, "J21 is registered already")
        self.assertIn("werkzoekende J21 is al geregistreerd", body)
        # Another role's page; another consultant's job seeker (J2 is K3's), answered as unknown.
        self.go("/desk/grid")
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, ".error").text, "Deze pagina is niet voor uw rol.")
        self.check_page("problem")
        self.go("/desk/job-seekers/J2")
        self.assertIn("U hebt geen werkzoekende J2", self.browser.find_element(By.CSS_SELECTOR, ".error").text)
        # Signed out, the session is gone even with the old cookie.
        old = self.browser.get_cookie("zitdag_session")["value"]
        self.follow(self.browser.find_element(By.XPATH, "//button[text()='Afmelden']"))
        WebDriverWait(self.browser, 10).until(lambda browser: "/sign-in" in browser.current_url)
        self.browser.add_cookie({"name": "zitdag_session", "value": old})
        self.go("/desk/agenda")
        self.assertIn("/sign-in", self.browser.current_url)

    @staticmethod
    def monday_of(when):
        day, month, year = re.search(r"(\d\d)/(\d\d)/(\d{4})", when).groups()
        date = datetime.date(int(year), int(month), int(day))
        return (date - datetime.timedelta(days=date.weekday())).isoformat()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


if __name__ == "__main__":
    unittest.main(verbosity=2)
