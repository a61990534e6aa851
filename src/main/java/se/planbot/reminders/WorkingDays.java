package se.planbot.reminders;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Swedish working days: not Saturday, Sunday or a Swedish holiday as jollyday knows them
 * (including the eves people take off: midsommarafton, julafton, nyårsafton).
 */
public final class WorkingDays {

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidaysOf(date.getYear()).contains(date);
    }

    /** {@code date} itself when it is a working day, else the closest working day before it. */
    public LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The closest working day strictly before {@code date}. */
    public LocalDate before(LocalDate date) {
        return onOrBefore(date.minusDays(1));
    }

    /** The closest working day strictly after {@code date}. */
    public LocalDate after(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private Set<LocalDate> holidaysOf(int year) {
        return byYear.computeIfAbsent(year, y -> holidays.getHolidays(Year.of(y)).stream()
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
